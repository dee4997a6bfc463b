import { createServer, type Server } from "node:http";

/** Two small sites on 127.0.0.1 for the render tests; each records the paths it served. */
export interface RenderSites {
  /** Home page with no link at all: the menu exists only after its script runs. */
  jsOnly: string;
  /** Enough text and links to pass as static, but every link leaves the site: the menu is built by script. */
  noCandidates: string;
  requests: Map<string, string[]>;
  close(): Promise<void>;
}

const page = (title: string, body: string) =>
  `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;

const MENU_SCRIPT = (href: string, text: string) => `<nav id="menu"></nav><script>
  document.getElementById("menu").innerHTML = '<a href="${href}">${text}</a>';
</script>`;

const JS_ONLY = page(
  "Министерство",
  `<main id="main"></main>${MENU_SCRIPT("/nok", "Независимая оценка качества")}
<script>document.getElementById("main").innerHTML = "<p>Добро пожаловать.</p>";</script>`,
);

const EXTERNAL = [
  "https://vk.com/min",
  "https://t.me/min",
  "https://ok.ru/min",
  "https://rutube.ru/min",
  "https://dzen.ru/min",
  "https://max.ru/min",
];
const NO_CANDIDATES = page(
  "Министерство культуры",
  `<p>${"Министерство культуры области обеспечивает доступность услуг учреждений культуры для жителей региона. ".repeat(4)}</p>
<footer>${EXTERNAL.map((u) => `<a href="${u}">Мы в соцсетях</a>`).join(" ")}</footer>
${MENU_SCRIPT("/sveden", "Общественный совет")}`,
);

const NOK = page("НОК", "<h1>Независимая оценка качества</h1><p>Результаты независимой оценки качества.</p>");

async function serve(home: string, requests: string[]): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = req.url ?? "/";
    requests.push(path);
    if (path === "/") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      return res.end(home);
    }
    if (path === "/nok" || path === "/sveden") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      return res.end(NOK);
    }
    res.writeHead(404, { "content-type": "text/plain" });
    res.end("not found");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}/` };
}

export async function startRenderSites(): Promise<RenderSites> {
  const requests = new Map<string, string[]>();
  const a: string[] = [];
  const b: string[] = [];
  const jsOnly = await serve(JS_ONLY, a);
  const noCandidates = await serve(NO_CANDIDATES, b);
  requests.set(jsOnly.url, a);
  requests.set(noCandidates.url, b);
  return {
    jsOnly: jsOnly.url,
    noCandidates: noCandidates.url,
    requests,
    close: async () => {
      for (const s of [jsOnly.server, noCandidates.server]) {
        s.closeAllConnections();
        await new Promise<void>((r) => s.close(() => r()));
      }
    },
  };
}
