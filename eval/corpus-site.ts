/**
 * Serves one corpus fixture as a small site of its own (one loopback port each): a neutral home
 * page that links to the fixture — with the real link text, or behind «Материал» — the fixture and
 * its attachments, and a neutral page of the same site for every other path, so that a fixture's
 * menu leads nowhere that could hold evidence. Documents are built from their text (real PDF/DOCX).
 */
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { makeDocx, makePdf } from "../test/fixtures/testweb/documents.ts";
import type { CorpusEntry } from "./corpus.ts";

export type Variant = "real" | "neutral";
export const NEUTRAL_LINK = "Материал";

const SITE_NAMES: Record<string, string> = {
  social: "Министерство социальной защиты населения Энской области",
  health: "Министерство здравоохранения Энской области",
  culture: "Министерство культуры Энской области",
  education: "Министерство образования Энской области",
  sport: "Министерство спорта Энской области",
};

export interface CorpusSite {
  entry: CorpusEntry;
  variant: Variant;
  origin: string;
  close(): Promise<void>;
}

interface Body {
  type: string;
  body: Buffer;
}

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function siteName(e: CorpusEntry): string {
  if (e.kind === "institution") return "Государственное бюджетное учреждение Энской области";
  return SITE_NAMES[e.sphere ?? "social"]!;
}

function shell(name: string, main: string): string {
  return `<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>${escapeHtml(name)}</title></head><body>
<header><div class="logo">${escapeHtml(name)}</div><nav><ul><li><a href="/">Главная</a></li><li><a href="/about/">О нас</a></li>
<li><a href="/news/">Новости</a></li><li><a href="/contacts/">Контакты</a></li></ul></nav></header>
<main>${main}</main><footer><p>© ${escapeHtml(name)}, 2026</p></footer></body></html>`;
}

/** Where the fixture lives on its site. */
export function fixturePath(e: CorpusEntry): string {
  if (e.document) return `/upload/corpus/${e.id}.${e.document.format}`;
  return `/activity/${e.id}/`;
}

async function documentBody(text: string, format: "pdf" | "docx"): Promise<Body> {
  return format === "pdf"
    ? { type: "application/pdf", body: await makePdf(text) }
    : {
        type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        body: await makeDocx(text),
      };
}

/** Every body of the site, built once: path → body. */
async function siteBodies(e: CorpusEntry, variant: Variant): Promise<Map<string, Body>> {
  const name = siteName(e);
  const out = new Map<string, Body>();
  const html = (s: string): Body => ({ type: "text/html; charset=utf-8", body: Buffer.from(s, "utf8") });
  const link = variant === "real" ? e.linkText : NEUTRAL_LINK;
  const home = `<h1>${escapeHtml(name)}</h1><p>Официальный сайт.</p><h2>Материалы</h2>
<ul><li><a href="${fixturePath(e)}">${escapeHtml(link)}</a></li></ul>`;
  out.set("/", html(shell(name, home)));
  const read = (f: string) => readFileSync(join(e.dir, f), "utf8");
  if (e.page) out.set(fixturePath(e), html(read(e.page)));
  if (e.document) out.set(fixturePath(e), await documentBody(read(e.document.file), e.document.format));
  for (const [path, att] of Object.entries(e.attachments ?? {})) {
    const abs = new URL(path, `http://x${fixturePath(e)}`).pathname;
    out.set(abs, await documentBody(read(att.file), att.format));
  }
  return out;
}

const DOCUMENT_PATH = /\.(pdf|docx?|xlsx?|rtf|odt|zip|rar)$/i;

export async function startCorpusSite(e: CorpusEntry, variant: Variant): Promise<CorpusSite> {
  const bodies = await siteBodies(e, variant);
  const neutral = Buffer.from(
    shell(siteName(e), "<h1>Информация</h1><p>Сведения на этой странице не относятся к проверке.</p>"),
    "utf8",
  );
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const hit = bodies.get(path) ?? bodies.get(path.endsWith("/") ? path.slice(0, -1) : `${path}/`);
    if (hit) {
      res.writeHead(200, { "content-type": hit.type, "content-length": String(hit.body.length) });
      res.end(hit.body);
    } else if (path === "/robots.txt" || DOCUMENT_PATH.test(path)) {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
      res.end("Не найдено");
    } else {
      res.writeHead(200, {
        "content-type": "text/html; charset=utf-8",
        "content-length": String(neutral.length),
      });
      res.end(neutral);
    }
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  return {
    entry: e,
    variant,
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
