import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import iconv from "iconv-lite";

/** Local pages for the browser tests, on 127.0.0.1 (ephemeral port); records every request path. */
export interface TestPages {
  url: string;
  requests: string[];
  close(): Promise<void>;
}

const MENU = [
  "Главная",
  "Деятельность",
  "Общественный совет",
  "Независимая оценка качества",
  "Документы",
  "Контакты",
];

/** Static HTML without a single link: the menu exists only after the script runs. */
const JS_MENU = `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Министерство</title>
<style>@font-face { font-family: X; src: url(/font.woff2); } body { font-family: X; }</style></head>
<body><img src="/logo.png" alt="Герб"><nav id="menu"></nav><main id="main"></main>
<script>
  var items = ${JSON.stringify(MENU)};
  document.getElementById("menu").innerHTML = items
    .map(function (t, i) { return '<a href="/section/' + i + '">' + t + '</a>'; }).join(" ");
  document.getElementById("main").innerHTML = "<p>Сведения о независимой оценке качества условий оказания услуг.</p>";
</script></body></html>`;

/** An SPA shell whose menu comes from an XHR after load. */
const SPA = `<!doctype html><html><head><meta charset="utf-8"><title>SPA</title></head>
<body><div id="app"></div><script src="/app.js"></script></body></html>`;
const APP_JS = `setTimeout(function () {
  fetch("/api/menu.json").then(function (r) { return r.json(); }).then(function (items) {
    document.getElementById("app").innerHTML = items.map(function (t) { return '<a href="/p/' + encodeURIComponent(t) + '">' + t + '</a>'; }).join("");
  });
}, 50);`;

const PLAIN = `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Обычная страница</title>
<script src="https://mc.yandex.ru/metrika/tag.js"></script></head><body>
<nav>${MENU.map((t, i) => `<a href="/section/${i}">${t}</a>`).join(" ")}</nav>
<p>${"Независимая оценка качества условий оказания услуг организациями социальной сферы. ".repeat(5)}</p>
</body></html>`;

const CP1251 = `<!doctype html><html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">
<title>Общественный совет</title></head><body><p>Положение об общественном совете</p></body></html>`;

export async function startTestPages(): Promise<TestPages> {
  const requests: string[] = [];
  const open = new Set<ServerResponse>();
  const html = (res: ServerResponse, body: string, status = 200) => {
    res.writeHead(status, { "content-type": "text/html; charset=utf-8" });
    res.end(body);
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = req.url ?? "/";
    requests.push(path);
    switch (path) {
      case "/js-menu":
        return html(res, JS_MENU);
      case "/spa":
        return html(res, SPA);
      case "/app.js":
        res.writeHead(200, { "content-type": "application/javascript" });
        return res.end(APP_JS);
      case "/api/menu.json":
        res.writeHead(200, { "content-type": "application/json" });
        return res.end(JSON.stringify(["Общественный совет", "НОК", "Документы", "Планы", "Отчёты"]));
      case "/plain":
        return html(res, PLAIN);
      case "/cp1251":
        res.writeHead(200, { "content-type": "text/html" });
        return res.end(iconv.encode(CP1251, "win1251"));
      case "/redirect":
        res.writeHead(302, { location: "/js-menu" });
        return res.end();
      case "/missing":
        return html(res, "<html><body><h1>Страница не найдена</h1></body></html>", 404);
      case "/doc.pdf":
        res.writeHead(200, { "content-type": "application/pdf", "content-disposition": "attachment" });
        return res.end("%PDF-1.4\n%%EOF\n");
      case "/slow":
        open.add(res); // never answered: the fetcher's timeout must fire
        return;
      default:
        res.writeHead(404, { "content-type": "text/plain" });
        return res.end("not found");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
