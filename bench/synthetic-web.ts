/**
 * A synthetic site set for the memory measurement: H hosts × P generated pages of Russian-looking HTML,
 * each host a tree (home → sections → topics → items, items linking to neighbours, menus ≤ 25 links). Paths use letters, never digits,
 * so the frontier's per-URL-pattern trap guard (digits folded) treats every page as its own template.
 * Nothing here mentions NOK, so no rule passes and the crawl never stops early: every page is fetched.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface SyntheticHost {
  origin: string;
  pages: number;
}

export interface SyntheticWeb {
  hosts: SyntheticHost[];
  close(): Promise<void>;
}

const WORDS = [
  "министерство",
  "области",
  "граждан",
  "услуги",
  "заявление",
  "порядок",
  "предоставления",
  "социальной",
  "поддержки",
  "семей",
  "детей",
  "информация",
  "новости",
  "мероприятие",
  "совещание",
  "программа",
  "развития",
  "региона",
  "учреждения",
  "контакты",
  "приемная",
  "обращения",
  "документы",
  "работы",
  "специалистов",
  "проведено",
  "состоялось",
  "обсуждение",
  "вопросов",
  "государственной",
  "политики",
];

/** Letter-only name of an integer: 0 → "a", 27 → "bb" (no digits in paths). */
export function letters(n: number): string {
  let s = "";
  let v = n;
  do {
    s = String.fromCharCode(97 + (v % 26)) + s;
    v = Math.floor(v / 26);
  } while (v > 0);
  return s.length < 2 ? `a${s}` : s;
}

function paragraph(seed: number, words: number): string {
  const out: string[] = [];
  let x = seed * 2_654_435_761 + 1;
  for (let i = 0; i < words; i++) {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
    out.push(WORDS[x % WORDS.length]!);
  }
  return `${out.join(" ")}.`;
}

interface Layout {
  /** Links per level: home → sections → topics. */
  branching: number;
  /** Item pages per topic. */
  perTopic: number;
}

/** A three-level tree with menus of a realistic width (≤ 25 links) whatever the size. */
function layout(pages: number): Layout {
  const branching = Math.max(2, Math.min(25, Math.ceil(Math.cbrt(pages))));
  const inner = 1 + branching + branching * branching;
  return { branching, perTopic: Math.max(0, Math.ceil((pages - inner) / (branching * branching))) };
}

function html(title: string, body: string, nav: string): string {
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>${title}</title></head><body>
<header><nav><ul>${nav}</ul></nav></header><main><h1>${title}</h1>${body}</main>
<footer><p>${paragraph(title.length, 12)}</p></footer></body></html>`;
}

const list = (items: string[]) => `<ul>${items.map((i) => `<li>${i}</li>`).join("")}</ul>`;

/** The page at `path` of a host with `pages` pages, or null (404). */
export function renderPage(hostIndex: number, pages: number, path: string): string | null {
  const { branching, perTopic } = layout(pages);
  const nav = Array.from(
    { length: Math.min(branching, 8) },
    (_, i) => `<li><a href="/r-${letters(i)}/">Раздел ${letters(i)}</a></li>`,
  ).join("");
  if (path === "/") {
    const sections = Array.from(
      { length: branching },
      (_, i) => `<a href="/r-${letters(i)}/">Раздел ${letters(i)}</a>`,
    );
    return html(`Сайт ${letters(hostIndex)}`, `<p>${paragraph(hostIndex, 80)}</p>${list(sections)}`, nav);
  }
  const m = /^\/r-([a-z]+)\/(?:t-([a-z]+)\/(?:s-([a-z]+)\/)?)?$/.exec(path);
  if (!m) return null;
  const section = decode(m[1]!);
  if (section >= branching) return null;
  if (m[2] === undefined) {
    const topics = Array.from(
      { length: branching },
      (_, i) =>
        `<a href="/r-${m[1]}/t-${letters(i)}/">Тема ${letters(i)}</a> ${paragraph(section * 100 + i, 6)}`,
    );
    return html(`Раздел ${m[1]}`, `<p>${paragraph(section, 60)}</p>${list(topics)}`, nav);
  }
  const topic = decode(m[2]);
  if (topic >= branching) return null;
  // Items are numbered across the site; the last topics may hold fewer (or none).
  const first = (section * branching + topic) * perTopic;
  const total = pages - (1 + branching + branching * branching);
  const count = Math.max(0, Math.min(perTopic, total - first));
  const base = `/r-${m[1]}/t-${m[2]}/`;
  if (m[3] === undefined) {
    const items = Array.from(
      { length: count },
      (_, i) => `<a href="${base}s-${letters(i)}/">Материал ${letters(i)}</a> ${paragraph(first + i, 6)}`,
    );
    return html(`Тема ${m[2]} раздела ${m[1]}`, `<p>${paragraph(first, 60)}</p>${list(items)}`, nav);
  }
  const item = decode(m[3]);
  if (item >= count) return null;
  const seed = hostIndex * 1_000_003 + first + item;
  const siblings = [item + 1, item + 2]
    .filter((i) => i < count)
    .map((i) => `<a href="${base}s-${letters(i)}/">Далее: материал ${letters(i)}</a>`)
    .join(" ");
  return html(
    `Материал ${m[3]}: тема ${m[2]} раздела ${m[1]}`,
    `<p>${paragraph(seed, 120)}</p><p>${paragraph(seed + 1, 120)}</p><p>${siblings} <a href="${base}">Назад</a></p>`,
    nav,
  );
}

function decode(s: string): number {
  let v = 0;
  for (const ch of s) v = v * 26 + (ch.charCodeAt(0) - 97);
  return v;
}

/** Starts `hosts` servers on 127.0.0.1 (one port each = one host) of `pages` pages each. */
export async function startSyntheticWeb(hosts: number, pages: number): Promise<SyntheticWeb> {
  const servers: Server[] = [];
  const out: SyntheticHost[] = [];
  for (let h = 0; h < hosts; h++) {
    const server = createServer((req, res) => {
      const path = new URL(req.url ?? "/", "http://x").pathname;
      if (path === "/robots.txt" || path === "/sitemap.xml") {
        res.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
        return;
      }
      const page = renderPage(h, pages, path);
      const body = Buffer.from(page ?? "<html><body>Страница не найдена</body></html>", "utf8");
      res.writeHead(page ? 200 : 404, {
        "Content-Type": "text/html; charset=utf-8",
        "Content-Length": body.length,
      });
      res.end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    servers.push(server);
    out.push({ origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, pages });
  }
  return {
    hosts: out,
    close: async () => {
      await Promise.all(
        servers.map(
          (s) =>
            new Promise<void>((resolve) => {
              s.close(() => resolve());
              s.closeAllConnections();
            }),
        ),
      );
    },
  };
}
