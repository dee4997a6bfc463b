import { createServer, request } from "node:http";
import { connect, type LookupFunction, type Socket } from "node:net";
import type { CrawlError } from "../../types/common.ts";
import { networkError } from "../busgov/network-error.ts";

export interface LookupProxy {
  /** http://127.0.0.1:PORT, for Chromium's `proxy.server`. */
  url: string;
  /** The last connection failure towards `host:port` (DNS refusal, refused connection…), if any. */
  failureFor(hostPort: string): CrawlError | undefined;
  close(): Promise<void>;
}

/**
 * A local forward proxy that resolves names with the injected `lookup`. Chromium resolves names
 * itself and a Playwright route does not see redirected requests, so the only way to make every
 * browser request (redirects and subresources included) obey the same DNS as the HTTP fetcher —
 * test names mapped to 127.0.0.1, or private addresses refused for the web form — is to send all of
 * its traffic through here. Plain HTTP is forwarded; HTTPS is tunnelled with CONNECT.
 */
export async function startLookupProxy(lookup: LookupFunction): Promise<LookupProxy> {
  const failures = new Map<string, CrawlError>();
  const tunnels = new Set<Socket>();

  const server = createServer((req, res) => {
    let target: URL;
    try {
      target = new URL(req.url ?? "");
    } catch {
      res.writeHead(400).end();
      return;
    }
    const hostPort = `${target.hostname}:${target.port || 80}`;
    const headers = { ...req.headers };
    delete headers["proxy-connection"];
    const upstream = request(
      {
        hostname: target.hostname.replace(/^\[|\]$/g, ""),
        port: target.port || 80,
        path: target.pathname + target.search,
        method: req.method,
        headers,
        lookup,
      },
      (up) => {
        failures.delete(hostPort);
        res.writeHead(up.statusCode ?? 502, up.rawHeaders);
        up.pipe(res);
      },
    );
    upstream.on("error", (err) => {
      const error = networkError(err, target.href, "Сайт");
      failures.set(hostPort, error);
      if (!res.headersSent) res.writeHead(502, { "x-nok-proxy-error": error.code });
      res.end();
    });
    req.pipe(upstream);
  });

  server.on("connect", (req, client: Socket, head: Buffer) => {
    const hostPort = req.url ?? "";
    const sep = hostPort.lastIndexOf(":");
    const host = hostPort.slice(0, sep).replace(/^\[|\]$/g, "");
    const port = Number(hostPort.slice(sep + 1)) || 443;
    tunnels.add(client);
    client.on("close", () => tunnels.delete(client));
    client.on("error", () => {});
    const upstream = connect({ host, port, lookup }, () => {
      failures.delete(hostPort);
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    tunnels.add(upstream);
    upstream.on("close", () => tunnels.delete(upstream));
    upstream.on("error", (err) => {
      failures.set(hostPort, networkError(err, `https://${hostPort}/`, "Сайт"));
      client.end("HTTP/1.1 502 Bad Gateway\r\n\r\n");
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    failureFor: (hostPort) => failures.get(hostPort),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of tunnels) s.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
