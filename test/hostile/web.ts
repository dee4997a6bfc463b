import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/** A route of the hostile web: gets the raw request and response, may misbehave in any way. */
export type Route = (req: IncomingMessage, res: ServerResponse) => void;

export interface HostileServer {
  port: number;
  /** http://127.0.0.1:PORT */
  origin: string;
  /** Paths requested, in order. */
  hits: string[];
  close(): Promise<void>;
}

/**
 * One misbehaving server on 127.0.0.1: routes by path (`*` for the rest, default 404). Sockets are tracked
 * and destroyed on close, so slowloris and silent routes never keep a test waiting.
 */
export async function startHostileServer(routes: Record<string, Route>): Promise<HostileServer> {
  const hits: string[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    hits.push(path);
    const route = routes[path] ?? routes["*"];
    if (route) route(req, res);
    else res.writeHead(404, { "content-type": "text/html; charset=utf-8" }).end("<p>нет</p>");
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

export const html =
  (body: string, status = 200): Route =>
  (_req, res) => {
    res.writeHead(status, { "content-type": "text/html; charset=utf-8" }).end(body);
  };

export const redirect =
  (location: string, status = 302): Route =>
  (_req, res) => {
    res.writeHead(status, { location }).end();
  };
