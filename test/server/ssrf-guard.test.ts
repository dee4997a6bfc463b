import type { LookupAddress } from "node:dns";
import { describe, expect, it } from "vitest";
import { staticLookup } from "../../src/crawl/dns-lookup.ts";
import {
  classifyAddress,
  DEFAULT_ALLOWED_PORTS,
  guardedLookup,
  RefusedTargetError,
  refuseAddress,
  refuseTarget,
  refuseUrl,
  type TargetPolicy,
} from "../../src/server/ssrf-guard.ts";

const PUBLIC: TargetPolicy = { allowPrivate: false, allowedPorts: DEFAULT_ALLOWED_PORTS };
const LOCAL: TargetPolicy = { allowPrivate: true, allowedPorts: "any" };

describe("address classification table", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["127.255.255.254", "loopback"],
    ["10.1.2.3", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.1", "private"],
    ["169.254.1.1", "link-local"],
    ["169.254.169.254", "metadata"],
    ["169.254.170.2", "metadata"],
    ["100.100.100.200", "metadata"],
    ["100.64.0.1", "shared"],
    ["100.127.255.255", "shared"],
    ["0.0.0.0", "unspecified"],
    ["0.1.2.3", "unspecified"],
    ["192.0.0.8", "reserved"],
    ["192.0.2.10", "documentation"],
    ["198.18.0.1", "benchmarking"],
    ["224.0.0.1", "multicast"],
    ["255.255.255.255", "reserved"],
    ["::1", "loopback"],
    ["::", "unspecified"],
    ["fc00::1", "unique-local"],
    ["fd12:3456::1", "unique-local"],
    ["fd00:ec2::254", "metadata"],
    ["fe80::1", "link-local"],
    ["[fe80::1%eth0]", "link-local"],
    ["ff02::1", "multicast"],
    ["2001:db8::1", "documentation"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["::ffff:10.0.0.1", "private"],
    ["::ffff:169.254.169.254", "metadata"],
    ["64:ff9b::a00:1", "private"],
    ["64:ff9b::7f00:1", "loopback"],
    ["2002:c0a8:101::1", "private"],
  ])("%s is %s", (address, kind) => {
    expect(classifyAddress(address)?.kind).toBe(kind);
  });

  it.each([
    "8.8.8.8",
    "1.1.1.1",
    "95.167.1.1",
    "172.32.0.1",
    "172.15.255.255",
    "100.128.0.1",
    "11.0.0.1",
    "169.255.0.1",
    "2a00:1450:4010::1",
    "64:ff9b::808:808",
    "2002:808:808::1",
    "::ffff:8.8.8.8",
  ])("%s is public", (address) => {
    expect(classifyAddress(address)).toBeNull();
  });

  it("is not fooled by names: only IP addresses are classified", () => {
    expect(classifyAddress("localhost")).toBeNull();
  });

  it("refuses non-public addresses unless private ones are allowed; metadata is refused always", () => {
    expect(refuseAddress("10.0.0.1", PUBLIC)?.message).toMatch(/частная сеть/);
    expect(refuseAddress("10.0.0.1", LOCAL)).toBeNull();
    expect(refuseAddress("127.0.0.1", LOCAL)).toBeNull();
    expect(refuseAddress("169.254.169.254", LOCAL)?.message).toMatch(/метаданных/);
    expect(refuseAddress("8.8.8.8", PUBLIC)).toBeNull();
  });
});

describe("URL rules", () => {
  it.each([
    ["ftp://example.ru/", "scheme"],
    ["file:///etc/passwd", "scheme"],
    ["gopher://example.ru:70/", "scheme"],
    ["http://example.ru:22/", "port"],
    ["http://example.ru:6379/", "port"],
    ["https://example.ru:8081/", "port"],
    ["http://user:secret@example.ru/", "credentials"],
    ["http://127.0.0.1/", "address"],
    ["http://2130706433/", "address"],
    ["http://0x7f.1/", "address"],
    ["http://017700000001/", "address"],
    ["http://[::1]/", "address"],
    ["http://[::ffff:127.0.0.1]/", "address"],
    ["http://169.254.169.254/latest/meta-data/", "address"],
    ["http://0.0.0.0:8080/", "address"],
    ["not a url", "invalid"],
  ])("%s is refused (%s)", (url, reason) => {
    expect(refuseUrl(url, PUBLIC)?.reason).toBe(reason);
  });

  it.each([
    "http://example.ru/",
    "https://example.ru/",
    "https://example.ru:443/path",
    "http://example.ru:8080/",
    "https://example.ru:8443/",
    "http://8.8.8.8/",
  ])("%s is allowed", (url) => {
    expect(refuseUrl(url, PUBLIC)).toBeNull();
  });

  it("with private targets allowed, loopback and any port pass, metadata still does not", () => {
    expect(refuseUrl("http://127.0.0.1:43210/", LOCAL)).toBeNull();
    expect(refuseUrl("http://169.254.169.254/", LOCAL)?.reason).toBe("address");
    expect(refuseUrl("ftp://127.0.0.1/", LOCAL)?.reason).toBe("scheme");
  });
});

type Answer = string | LookupAddress[];

function lookupOnce(
  lookup: ReturnType<typeof guardedLookup>,
  host: string,
  all: boolean,
): Promise<{ err: NodeJS.ErrnoException | null; answer: Answer }> {
  return new Promise((resolve) => {
    (lookup as (h: string, o: unknown, c: (e: NodeJS.ErrnoException | null, a: Answer) => void) => void)(
      host,
      { all },
      (err, answer) => resolve({ err, answer }),
    );
  });
}

describe("guarded DNS lookup", () => {
  const dns = staticLookup({
    "public.test": "95.167.1.1",
    "intranet.test": "10.0.0.7",
    "rebind.test": "127.0.0.1",
    "meta.test": "169.254.169.254",
  });

  it("refuses names that resolve to non-public addresses, in both lookup forms", async () => {
    const lookup = guardedLookup(PUBLIC, dns);
    for (const all of [true, false]) {
      const intranet = await lookupOnce(lookup, "intranet.test", all);
      expect(intranet.err).toBeInstanceOf(RefusedTargetError);
      expect(intranet.err?.message).toMatch(/10\.0\.0\.7.*intranet\.test/);
      expect((await lookupOnce(lookup, "rebind.test", all)).err).toBeInstanceOf(RefusedTargetError);
    }
  });

  it("passes public answers through in the form asked for", async () => {
    const lookup = guardedLookup(PUBLIC, dns);
    expect(await lookupOnce(lookup, "public.test", false)).toEqual({ err: null, answer: "95.167.1.1" });
    expect(await lookupOnce(lookup, "public.test", true)).toEqual({
      err: null,
      answer: [{ address: "95.167.1.1", family: 4 }],
    });
  });

  it("refuses a name when any one of its addresses is private", async () => {
    const mixed = ((_h: string, _o: unknown, cb: (e: null, a: LookupAddress[]) => void) =>
      cb(null, [
        { address: "95.167.1.1", family: 4 },
        { address: "192.168.0.10", family: 4 },
      ])) as unknown as Parameters<typeof guardedLookup>[1];
    const { err } = await lookupOnce(guardedLookup(PUBLIC, mixed), "mixed.test", true);
    expect(err).toBeInstanceOf(RefusedTargetError);
  });

  it("keeps DNS failures as they are", async () => {
    const { err } = await lookupOnce(guardedLookup(PUBLIC, dns), "missing.test", true);
    expect(err?.code).toBe("ENOTFOUND");
  });

  it("lets private answers through when allowed, except metadata", async () => {
    const lookup = guardedLookup(LOCAL, dns);
    expect((await lookupOnce(lookup, "intranet.test", false)).answer).toBe("10.0.0.7");
    expect((await lookupOnce(lookup, "meta.test", false)).err).toBeInstanceOf(RefusedTargetError);
  });

  it("refuseTarget combines the URL rules and the resolved addresses", async () => {
    expect(await refuseTarget("http://intranet.test/", PUBLIC, dns)).toMatchObject({ reason: "address" });
    expect(await refuseTarget("http://public.test/", PUBLIC, dns)).toBeNull();
    expect(await refuseTarget("http://public.test:25/", PUBLIC, dns)).toMatchObject({ reason: "port" });
    // Unresolvable names are not refused up front: the check itself reports the site unreachable.
    expect(await refuseTarget("http://missing.test/", PUBLIC, dns)).toBeNull();
  });
});
