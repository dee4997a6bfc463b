/** Serves one institution site's files on 127.0.0.1 (an ephemeral port: distinct ports are distinct hosts). */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { SiteFiles } from "./types.ts";

export interface ServedInstitution {
  origin: string;
  close(): Promise<void>;
}

const NOT_FOUND = Buffer.from(
  '<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>404 — страница не найдена</title></head><body><h1>Страница не найдена</h1><p><a href="/">На главную</a></p></body></html>',
  "utf8",
);

function answer(files: SiteFiles, req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? "/", "http://demo.invalid");
  const base = { Server: "nginx", Date: new Date().toUTCString() };
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { ...base, Allow: "GET, HEAD", "Content-Type": "text/plain" });
    res.end("Method Not Allowed");
    return;
  }
  // A query the site answers differently (the special version) is its own entry; other queries are ignored, as CMSs do.
  const hit = files.get(`${url.pathname}${url.search}`) ?? files.get(url.pathname);
  if (!hit) {
    res.writeHead(404, {
      ...base,
      "Content-Type": "text/html; charset=UTF-8",
      "Content-Length": NOT_FOUND.length,
    });
    res.end(req.method === "HEAD" ? undefined : NOT_FOUND);
    return;
  }
  res.writeHead(200, { ...base, "Content-Type": hit.contentType, "Content-Length": hit.body.length });
  res.end(req.method === "HEAD" ? undefined : hit.body);
}

export function serveInstitution(
  files: SiteFiles,
  opts: { latencyMs?: number } = {},
): Promise<ServedInstitution> {
  const server = createServer((req, res) => {
    const go = () => {
      try {
        answer(files, req, res);
      } catch (err) {
        res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
        res.end(`Internal Server Error: ${(err as Error).message}`);
      }
    };
    if (opts.latencyMs && opts.latencyMs > 0) setTimeout(go, opts.latencyMs);
    else go();
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        origin: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
