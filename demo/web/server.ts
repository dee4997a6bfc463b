/** Serves one SiteBuild over HTTP on 127.0.0.1 with the habits of real servers (charsets, 404s, ETags). */
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import iconv from "iconv-lite";
import type { RenderCtx, Resource, SiteBuild } from "./sites/builder.ts";
import { httpDate } from "./texts/dates.ts";

export interface ServeOptions {
  host: string;
  /** Delay before every response, in milliseconds. */
  latencyMs: number;
}

/** Parameters the accessible-version toolbars add; they never select a different page. */
const PRESENTATION_PARAMS = new Set(["font", "color", "img"]);

function lookup(
  build: SiteBuild,
  url: URL,
): { resource: Resource | null; special: boolean; redirect?: string } {
  const params = new URLSearchParams(url.search);
  let special = false;
  const acc = build.http.accessibleParam;
  if (acc && params.get(acc[0]) === acc[1]) special = true;
  if (acc) params.delete(acc[0]);
  for (const p of PRESENTATION_PARAMS) params.delete(p);
  const query = params.toString();
  const exact = build.resources.get(query ? `${url.pathname}?${query}` : url.pathname);
  if (exact) return { resource: exact, special };
  // Like most CMSs, unknown query parameters are ignored (and a fake «special» switch is just ignored).
  const byPath = build.resources.get(url.pathname);
  if (byPath) return { resource: byPath, special };
  const index = build.http.directoryIndex;
  if (index) {
    const alias = url.pathname.endsWith("/")
      ? `${url.pathname}${index}`
      : url.pathname.endsWith(`/${index}`)
        ? url.pathname.slice(0, -index.length)
        : null;
    const aliased = alias ? build.resources.get(alias) : undefined;
    if (aliased) return { resource: aliased, special };
  }
  if (build.http.slashRedirects && !url.pathname.endsWith("/") && build.resources.has(`${url.pathname}/`))
    return { resource: null, special, redirect: `${url.pathname}/${url.search}` };
  return { resource: null, special };
}

function htmlBody(build: SiteBuild, html: string): { bytes: Buffer; type: string } {
  const { charset, charsetInHeader } = build.http;
  const bytes = charset === "utf-8" ? Buffer.from(html, "utf8") : iconv.encode(html, charset);
  const type = charsetInHeader
    ? `text/html; charset=${charset === "utf-8" ? "UTF-8" : charset}`
    : "text/html";
  return { bytes, type };
}

function send(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: Buffer,
): void {
  res.writeHead(status, { ...headers, "Content-Length": String(body.length) });
  res.end(req.method === "HEAD" ? undefined : body);
}

/**
 * RFC 9110 §13.1: If-None-Match (weak comparison) decides when present; otherwise If-Modified-Since against
 * Last-Modified.
 */
function notModified(
  req: IncomingMessage,
  etag: string | undefined,
  lastModified: string | undefined,
): boolean {
  const inm = req.headers["if-none-match"];
  if (inm) {
    const opaque = (t: string) => t.trim().replace(/^W\//, "");
    return etag !== undefined && inm.split(",").some((t) => t.trim() === "*" || opaque(t) === opaque(etag));
  }
  const ims = req.headers["if-modified-since"];
  return Boolean(ims && lastModified && Date.parse(ims) >= Date.parse(lastModified));
}

function sendNotModified(res: ServerResponse, headers: Record<string, string>): void {
  res.writeHead(304, headers);
  res.end();
}

function handle(build: SiteBuild, req: IncomingMessage, res: ServerResponse): void {
  const base: Record<string, string> = { Server: build.http.server, Date: new Date().toUTCString() };
  if (build.http.poweredBy) base["X-Powered-By"] = build.http.poweredBy;
  if (req.method !== "GET" && req.method !== "HEAD") {
    send(
      req,
      res,
      405,
      { ...base, Allow: "GET, HEAD", "Content-Type": "text/plain" },
      Buffer.from("Method Not Allowed"),
    );
    return;
  }
  const url = new URL(req.url ?? "/", "http://demo.invalid");
  const ctx: RenderCtx = { special: false, origin: `http://${req.headers.host ?? "127.0.0.1"}` };
  const found = lookup(build, url);
  ctx.special = found.special;
  if (found.redirect) {
    send(req, res, 301, { ...base, Location: found.redirect, "Content-Type": "text/html" }, Buffer.from(""));
    return;
  }
  const r = found.resource ?? build.notFound;
  switch (r.kind) {
    case "redirect":
      send(req, res, r.status, { ...base, Location: r.location }, Buffer.alloc(0));
      return;
    case "text":
      send(req, res, 200, { ...base, "Content-Type": r.contentType }, Buffer.from(r.render(ctx), "utf8"));
      return;
    case "page": {
      const { bytes, type } = htmlBody(build, r.render(ctx));
      const headers: Record<string, string> = { ...base, "Content-Type": type };
      const status = r.status ?? (found.resource ? 200 : 404);
      const lastModified = r.lastModified && !ctx.special ? httpDate(r.lastModified) : undefined;
      if (lastModified) headers["Last-Modified"] = lastModified;
      // A weak ETag of the bytes served: the accessible version and each origin get their own.
      if (build.http.pageEtags && status === 200)
        headers.ETag = `W/"${createHash("sha1").update(bytes).digest("hex").slice(0, 20)}"`;
      if (status === 200 && notModified(req, headers.ETag, lastModified)) {
        const { "Content-Type": _, ...validators } = headers;
        sendNotModified(res, validators);
        return;
      }
      send(req, res, status, headers, bytes);
      return;
    }
    case "file": {
      const lastModified = httpDate(r.doc.date);
      const headers: Record<string, string> = {
        ...base,
        "Content-Type": r.file.contentType,
        "Last-Modified": lastModified,
        ETag: r.file.etag,
        "Accept-Ranges": "bytes",
      };
      if (r.disposition) {
        const name = `${r.doc.fileName}.${r.file.ext}`;
        headers["Content-Disposition"] =
          `${r.disposition}; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`;
      }
      if (notModified(req, r.file.etag, lastModified)) {
        sendNotModified(res, { ...base, ETag: r.file.etag, "Last-Modified": lastModified });
        return;
      }
      send(req, res, 200, headers, r.file.bytes);
      return;
    }
  }
}

export interface ServedSite {
  server: Server;
  origin: string;
  close(): Promise<void>;
}

export function serveSite(build: SiteBuild, opts: ServeOptions): Promise<ServedSite> {
  const server = createServer((req, res) => {
    const go = (): void => {
      try {
        handle(build, req, res);
      } catch (err) {
        res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
        res.end(`Internal Server Error: ${(err as Error).message}`);
      }
    };
    if (opts.latencyMs > 0) setTimeout(go, opts.latencyMs);
    else go();
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, opts.host, () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        server,
        origin: `http://${opts.host}:${port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

/** A port on `host` that nothing listens on: bound, then released, so connections are refused. */
export function refusedPort(host: string): Promise<number> {
  const probe = createServer();
  return new Promise((resolve, reject) => {
    probe.once("error", reject);
    probe.listen(0, host, () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
