/** HTTP plumbing of the dashboard: responses with safe headers, bounded request bodies, an error with a status. */
import { createReadStream } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";

/** No inline script or style anywhere: what a crawled page smuggles into an excerpt can never run. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/** The stored HTML report carries its own inline CSS and a print script; it may not load or send anything. */
export const REPORT_CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

const BASE_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
};

export class HttpError extends Error {
  override name = "HttpError";
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function send(
  res: ServerResponse,
  status: number,
  body: string | Uint8Array,
  headers: Record<string, string>,
): void {
  const bytes = typeof body === "string" ? Buffer.from(body, "utf8") : body;
  res.writeHead(status, {
    ...BASE_HEADERS,
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    ...headers,
    "Content-Length": String(bytes.byteLength),
  });
  res.end(bytes);
}

export function sendHtml(
  res: ServerResponse,
  status: number,
  html: string,
  headers: Record<string, string> = {},
): void {
  send(res, status, html, {
    "Content-Type": "text/html; charset=utf-8",
    "Cache-Control": "no-store",
    ...headers,
  });
}

export function sendJson(
  res: ServerResponse,
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): void {
  send(res, status, `${JSON.stringify(value, null, 2)}\n`, {
    "Content-Type": "application/json; charset=utf-8",
    "Cache-Control": "no-store",
    ...headers,
  });
}

export function redirect(res: ServerResponse, location: string, status = 303): void {
  send(res, status, "", { Location: location, "Cache-Control": "no-store" });
}

/** Streams a file written by the report stage. */
export function sendFile(res: ServerResponse, path: string, headers: Record<string, string>): Promise<void> {
  return new Promise((resolve) => {
    const stream = createReadStream(path);
    stream.once("open", () => {
      res.writeHead(200, { ...BASE_HEADERS, "Content-Security-Policy": CONTENT_SECURITY_POLICY, ...headers });
      stream.pipe(res);
    });
    stream.once("error", () => {
      if (!res.headersSent) sendJson(res, 404, { error: { code: "not-found", message: "файл не найден" } });
      else res.destroy();
      resolve();
    });
    stream.once("close", () => resolve());
  });
}

/** Reads a request body up to `limit` bytes; larger bodies are refused (413) without reading them all. */
export async function readBody(req: IncomingMessage, limit = 16 * 1024): Promise<string> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > limit) throw new HttpError(413, "слишком большой запрос");
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new HttpError(413, "слишком большой запрос");
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** The media type of a request, lower-cased, without parameters. */
export function requestType(req: IncomingMessage): string {
  return (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
}

/** True when the client asked for JSON rather than a page. */
export function wantsJson(req: IncomingMessage): boolean {
  return /application\/json/i.test(req.headers.accept ?? "") && !/text\/html/i.test(req.headers.accept ?? "");
}
