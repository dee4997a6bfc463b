import { X509Certificate } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createHttpFetcher } from "../../src/crawl/http-fetcher.ts";
import { BUNDLED_ROOTS, bundledRoots, readCaFile, trustedCa } from "../../src/crawl/tls/trusted-roots.ts";
import type { Fetcher } from "../../src/types/index.ts";
import { createTestCa, type TestCa } from "../fixtures/testweb/test-ca.ts";

/** Published at https://www.gosuslugi.ru/crt (НУЦ Минцифры): the files must match these, byte for byte. */
const PUBLISHED = {
  "Russian Trusted Root CA":
    "D2:6D:2D:02:31:B7:C3:9F:92:CC:73:85:12:BA:54:10:35:19:E4:40:5D:68:B5:BD:70:3E:97:88:CA:8E:CF:31",
  "Russian Trusted Sub CA (2024)":
    "21:55:78:50:36:C9:00:DB:B5:F1:BB:2A:15:69:C8:0C:55:59:5B:D6:BF:94:86:7A:29:BB:DD:BC:7D:88:A3:F2",
};

describe("bundled Russian roots", () => {
  it("match the published SHA-256 fingerprints, and the Sub CA is signed by the Root", () => {
    const [rootPem, subPem] = bundledRoots();
    const root = new X509Certificate(rootPem!);
    const sub = new X509Certificate(subPem!);
    expect(root.fingerprint256).toBe(PUBLISHED["Russian Trusted Root CA"]);
    expect(sub.fingerprint256).toBe(PUBLISHED["Russian Trusted Sub CA (2024)"]);
    for (const r of BUNDLED_ROOTS) expect(r.sha256).toBe(PUBLISHED[r.name]);
    expect(root.subject).toContain("CN=Russian Trusted Root CA");
    expect(root.verify(root.publicKey)).toBe(true);
    expect(sub.checkIssued(root)).toBe(true);
    expect(sub.verify(root.publicKey)).toBe(true);
  });

  it("are trusted in addition to Node's roots, never instead of them", () => {
    const ca = trustedCa({ env: {} });
    expect(ca).toEqual(expect.arrayContaining(bundledRoots()));
    expect(ca.length).toBeGreaterThan(100);
  });
});

const ca: TestCa | null = createTestCa();
const dir = mkdtempSync(join(tmpdir(), "nok-tls-test-"));
const servers: Server[] = [];
const fetchers: Fetcher[] = [];

async function serve(tls: { key: string; cert: string }): Promise<string> {
  const server = createServer(tls, (_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end("<html><body>Министерство</body></html>");
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `https://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

function make(options: Parameters<typeof createHttpFetcher>[0] = {}): Fetcher {
  const f = createHttpFetcher(options);
  fetchers.push(f);
  return f;
}

let good = "";
let wrongHost = "";

beforeAll(async () => {
  if (!ca) return;
  good = await serve(ca.issue("IP:127.0.0.1"));
  wrongHost = await serve(ca.issue("DNS:other.test"));
});

afterAll(async () => {
  await Promise.all(fetchers.map((f) => f.close?.()));
  for (const s of servers) s.closeAllConnections();
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  ca?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!ca)("TLS trust on a local HTTPS server under a CA of the test's own", () => {
  it("an unknown issuer is a tls error that names the issuer and --ca", async () => {
    const page = await make().fetch(good);
    expect(page.error?.code).toBe("tls");
    expect(page.error?.message).toContain("nok Test Root CA");
    expect(page.error?.message).toContain("--ca");
  });

  it("--ca FILE trusts it", async () => {
    const file = join(dir, "ca.pem");
    writeFileSync(file, ca!.caCert);
    const page = await make({ tls: { extraCa: readCaFile(file) } }).fetch(good);
    expect(page.error).toBeNull();
    expect(page.status).toBe(200);
  });

  it("NODE_EXTRA_CA_CERTS is honoured", async () => {
    const file = join(dir, "env-ca.pem");
    writeFileSync(file, ca!.caCert);
    vi.stubEnv("NODE_EXTRA_CA_CERTS", file);
    try {
      const page = await make().fetch(good);
      expect(page.error).toBeNull();
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("a certificate for another host stays a tls error even under a trusted CA", async () => {
    const page = await make({ tls: { extraCa: [ca!.caCert] } }).fetch(wrongHost);
    expect(page.error?.code).toBe("tls");
    expect(page.error?.message).toContain("другого имени");
  });

  it("a --ca file without certificates is a usage error naming the file", () => {
    const file = join(dir, "junk.pem");
    writeFileSync(file, "not a certificate");
    expect(() => readCaFile(file)).toThrow(/junk\.pem/);
  });
});
