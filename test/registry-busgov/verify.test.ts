import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { createServer as createTcpServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { verifyRegistry } from "../../src/registry/verify/verify-registry.ts";

const servers: { close(): void }[] = [];
let dir: string;

async function listen(server: Server | ReturnType<typeof createTcpServer>): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push(server);
  return (server.address() as { port: number }).port;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "nok-verify-"));
});
afterAll(async () => {
  for (const s of servers) s.close();
  await rm(dir, { recursive: true, force: true });
});

it("tells reachable, moved, broken, TLS and unreachable sites apart and writes a report", async () => {
  const ok = await listen(
    createServer((req, res) => {
      if (req.url === "/") {
        res.writeHead(302, { location: "/main/" }).end();
        return;
      }
      res.writeHead(200, { "content-type": "text/html" }).end("<h1>Министерство</h1>");
    }),
  );
  // «Another host»: 127.0.0.1 sends to localhost.
  const moved = await listen(
    createServer((_req, res) => res.writeHead(301, { location: `http://localhost:${ok}/main/` }).end()),
  );
  const gone = await listen(createServer((_req, res) => res.writeHead(404).end("нет")));
  // Plain TCP that answers an https client with garbage: the TLS handshake fails.
  const notTls = await listen(createTcpServer((socket) => socket.end("HTTP/1.1 400 Bad Request\r\n\r\n")));
  const closed = await listen(createServer());
  servers.pop()!.close();

  const file = join(dir, "authorities.yaml");
  const row = (sphere: string, name: string, url: string) =>
    `  - kind: authority\n    region: "71"\n    sphere: ${sphere}\n    name: "${name}"\n    url: "${url}"\n    source: "https://example.test/list"\n    seen: "2026-12-04"\n`;
  await writeFile(
    file,
    `sites:\n${row("health", "Минздрав", `http://127.0.0.1:${ok}/`)}${row("social", "Минтруд", `http://127.0.0.1:${moved}/`)}${row("culture", "Минкультуры", `http://127.0.0.1:${gone}/`)}${row("education", "Минобразования", `https://127.0.0.1:${notTls}/`)}${row("sport", "Минспорт", `http://127.0.0.1:${closed}/`)}`,
  );
  const out = join(dir, "report");
  const result = await verifyRegistry({ file, outDir: out, timeoutMs: 5000 });
  expect(result.registryErrors).toEqual([]);
  expect(result.rows.map((r) => [r.sphere, r.verdict])).toEqual([
    ["health", "redirected"],
    ["social", "moved"],
    ["culture", "http-error"],
    ["education", "tls"],
    ["sport", "unreachable"],
  ]);
  expect(result.rows[1]).toMatchObject({ finalUrl: `http://localhost:${ok}/main/` });
  const md = await readFile(join(out, "registry-verify.md"), "utf8");
  expect(md).toContain("переехал на другой адрес");
  expect(md).toContain(`переадресует на другой адрес: http://localhost:${ok}/main/`);
  expect(JSON.parse(await readFile(join(out, "registry-verify.json"), "utf8")).byVerdict).toMatchObject({
    moved: 1,
    tls: 1,
  });
});
