/**
 * One address policy for every fetch: the CLI's checks and runs, and the web form's checks. Metadata and
 * link-local addresses (cloud credentials live there) are never fetched. Loopback, private, IPv4-mapped or
 * -translated IPv6 and other special-use addresses are fetched only when the site itself was named at such an
 * address (`nok check http://127.0.0.1:8080/`, the demo, the tests) — a public site cannot move there by a
 * redirect or a link. The web form refuses them outright unless `--allow-private`.
 * Addresses are checked where the connection is made (the DNS lookup given to the fetcher, called for every
 * connection, redirects included) and, for IP literals (which skip the lookup), on every URL before it is fetched.
 */
import type { LookupAddress } from "node:dns";
import { BlockList, isIP, type LookupFunction } from "node:net";
import { StringMemo } from "../util/memo.ts";
import { defaultLookup } from "./dns-lookup.ts";

export type AddressKind =
  | "unspecified"
  | "loopback"
  | "private"
  | "shared"
  | "link-local"
  | "metadata"
  | "unique-local"
  | "site-local"
  | "multicast"
  | "documentation"
  | "benchmarking"
  | "reserved";

export interface AddressRange {
  cidr: string;
  kind: AddressKind;
  /** Russian, shown in refusals. */
  label: string;
}

/**
 * Non-public ranges (RFC 6890 special-purpose registries plus cloud metadata endpoints). Order matters:
 * the first match names the address, so the metadata /32s come before the link-local /16 they sit in.
 */
export const ADDRESS_TABLE: readonly AddressRange[] = [
  { cidr: "169.254.169.254/32", kind: "metadata", label: "служебный адрес метаданных облака" },
  { cidr: "169.254.170.2/32", kind: "metadata", label: "служебный адрес метаданных облака" },
  { cidr: "100.100.100.200/32", kind: "metadata", label: "служебный адрес метаданных облака" },
  { cidr: "168.63.129.16/32", kind: "metadata", label: "служебный адрес облака (Azure)" },
  { cidr: "fd00:ec2::254/128", kind: "metadata", label: "служебный адрес метаданных облака" },
  { cidr: "0.0.0.0/8", kind: "unspecified", label: "адрес «эта сеть» (0.0.0.0/8)" },
  { cidr: "10.0.0.0/8", kind: "private", label: "частная сеть (10.0.0.0/8)" },
  { cidr: "100.64.0.0/10", kind: "shared", label: "сеть провайдера (100.64.0.0/10)" },
  { cidr: "127.0.0.0/8", kind: "loopback", label: "локальный адрес сервера (127.0.0.0/8)" },
  { cidr: "169.254.0.0/16", kind: "link-local", label: "адрес локального канала (169.254.0.0/16)" },
  { cidr: "172.16.0.0/12", kind: "private", label: "частная сеть (172.16.0.0/12)" },
  { cidr: "192.0.0.0/24", kind: "reserved", label: "служебные адреса IETF (192.0.0.0/24)" },
  { cidr: "192.0.2.0/24", kind: "documentation", label: "адреса для документации (192.0.2.0/24)" },
  { cidr: "192.88.99.0/24", kind: "reserved", label: "ретрансляторы 6to4 (192.88.99.0/24)" },
  { cidr: "192.168.0.0/16", kind: "private", label: "частная сеть (192.168.0.0/16)" },
  { cidr: "198.18.0.0/15", kind: "benchmarking", label: "адреса для тестирования сетей (198.18.0.0/15)" },
  { cidr: "198.51.100.0/24", kind: "documentation", label: "адреса для документации (198.51.100.0/24)" },
  { cidr: "203.0.113.0/24", kind: "documentation", label: "адреса для документации (203.0.113.0/24)" },
  { cidr: "224.0.0.0/4", kind: "multicast", label: "групповые адреса (224.0.0.0/4)" },
  { cidr: "240.0.0.0/4", kind: "reserved", label: "зарезервированные адреса (240.0.0.0/4)" },
  { cidr: "::/128", kind: "unspecified", label: "неопределённый адрес (::)" },
  { cidr: "::1/128", kind: "loopback", label: "локальный адрес сервера (::1)" },
  { cidr: "::/96", kind: "reserved", label: "устаревшие IPv4-совместимые адреса (::/96)" },
  { cidr: "::ffff:0:0:0/96", kind: "reserved", label: "IPv4-транслированные адреса IPv6 (::ffff:0:0:0/96)" },
  { cidr: "64:ff9b:1::/48", kind: "private", label: "локальная трансляция NAT64 (64:ff9b:1::/48)" },
  { cidr: "100::/64", kind: "reserved", label: "адреса для отбрасывания (100::/64)" },
  { cidr: "2001::/32", kind: "reserved", label: "туннель Teredo (2001::/32)" },
  { cidr: "2001:db8::/32", kind: "documentation", label: "адреса для документации (2001:db8::/32)" },
  { cidr: "fc00::/7", kind: "unique-local", label: "частная сеть IPv6 (fc00::/7)" },
  { cidr: "fe80::/10", kind: "link-local", label: "адрес локального канала IPv6 (fe80::/10)" },
  { cidr: "fec0::/10", kind: "site-local", label: "устаревшие адреса площадки IPv6 (fec0::/10)" },
  { cidr: "ff00::/8", kind: "multicast", label: "групповые адреса IPv6 (ff00::/8)" },
];

/** Ports a public server fetches from unless told otherwise. */
export const DEFAULT_ALLOWED_PORTS: readonly number[] = [80, 443, 8080, 8443];

export interface TargetPolicy {
  /** Allow loopback, private, link-local and other non-public addresses (the demo and tests need 127.0.0.1). */
  allowPrivate: boolean;
  allowedPorts: readonly number[] | "any";
}

/**
 * Metadata endpoints hand out cloud credentials, and other link-local addresses are where clouds put such
 * endpoints: refused even when private addresses are allowed.
 */
const ALWAYS_REFUSED: ReadonlySet<AddressKind> = new Set(["metadata", "link-local"]);

export interface TargetRefusal {
  reason: "scheme" | "port" | "address" | "credentials" | "invalid";
  /** Russian, shown to the person who submitted the address. */
  message: string;
}

/** Thrown by the guarded lookup; the fetcher turns it into a page error. */
export class RefusedTargetError extends Error {
  override name = "RefusedTargetError";
  readonly code = "ERR_NOK_REFUSED_TARGET";
  constructor(readonly refusal: TargetRefusal) {
    super(refusal.message);
  }
}

/** Every refusal message starts with this, so a refused fetch can be told apart in a page error. */
export const REFUSAL_PREFIX = "адрес запрещён для проверки";

interface CompiledRange extends AddressRange {
  list: BlockList;
}

const COMPILED: readonly CompiledRange[] = ADDRESS_TABLE.map((range) => {
  const [network, bits] = range.cidr.split("/") as [string, string];
  const list = new BlockList();
  list.addSubnet(network, Number(bits), isIP(network) === 6 ? "ipv6" : "ipv4");
  return { ...range, list };
});

/** Strips the brackets of an IPv6 URL host and a zone id. */
function bareAddress(address: string): string {
  return address.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
}

/** The 16 bytes of an IPv6 address, or null. */
function ipv6Bytes(address: string): number[] | null {
  let text = address.toLowerCase();
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const v4 = dotted[1]!.split(".").map(Number);
    text = `${text.slice(0, -dotted[1]!.length)}${((v4[0]! << 8) | v4[1]!).toString(16)}:${((v4[2]! << 8) | v4[3]!).toString(16)}`;
  }
  const [head, tail] = text.split("::") as [string, string | undefined];
  const parts = (s: string) => (s ? s.split(":") : []);
  const left = parts(head);
  const right = tail === undefined ? [] : parts(tail);
  const missing = 8 - left.length - right.length;
  if (missing < 0 || (tail === undefined && missing !== 0)) return null;
  const groups = [...left, ...Array<string>(missing).fill("0"), ...right].map((g) => Number.parseInt(g, 16));
  if (groups.some((g) => Number.isNaN(g) || g < 0 || g > 0xffff)) return null;
  return groups.flatMap((g) => [g >> 8, g & 0xff]);
}

/**
 * IPv4 carried inside IPv6: mapped (::ffff:a.b.c.d), translated (::ffff:0:a.b.c.d, which BlockList does not
 * unwrap), NAT64 (64:ff9b::/96) and 6to4 (2002::/16). They reach that IPv4 host, so they are judged by it.
 */
function embeddedIpv4(address: string): string | null {
  const b = ipv6Bytes(address);
  if (!b) return null;
  const zeros = (from: number, to: number) => b.slice(from, to).every((x) => x === 0);
  const isMapped = zeros(0, 10) && b[10] === 0xff && b[11] === 0xff;
  const isTranslated = zeros(0, 8) && b[8] === 0xff && b[9] === 0xff && zeros(10, 12);
  const isNat64 = b[0] === 0x00 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b && zeros(4, 12);
  if (isMapped || isTranslated || isNat64) return b.slice(12, 16).join(".");
  if (b[0] === 0x20 && b[1] === 0x02) return b.slice(2, 6).join(".");
  return null;
}

/** The non-public range an IP address falls in, or null for a public address (or not an IP at all). */
export function classifyAddress(address: string): AddressRange | null {
  // Every request to an IP host asks again; a BlockList check per range is not free.
  const range = classified.get(address, () => classifyOnce(address));
  return range && { ...range };
}

const classified = new StringMemo<AddressRange | null>(1_000);

function classifyOnce(address: string): AddressRange | null {
  const ip = bareAddress(address);
  const family = isIP(ip);
  if (family === 0) return null;
  const type = family === 6 ? "ipv6" : "ipv4";
  // The IPv4 inside an IPv6 form names it first: ::ffff:0:7f00:1 is loopback, not merely "reserved".
  if (family === 6) {
    const inner = embeddedIpv4(ip);
    if (inner) {
      const hit = classifyAddress(inner);
      if (hit) return { ...hit, label: `${hit.label}, внутри адреса IPv6` };
    }
  }
  for (const range of COMPILED) if (range.list.check(ip, type)) return rangeOf(range);
  return null;
}

function rangeOf(range: CompiledRange): AddressRange {
  return { cidr: range.cidr, kind: range.kind, label: range.label };
}

/** Why the policy refuses this address, or null when it may be fetched. */
export function refuseAddress(address: string, policy: TargetPolicy): TargetRefusal | null {
  const range = classifyAddress(address);
  if (!range) return null;
  if (policy.allowPrivate && !ALWAYS_REFUSED.has(range.kind)) return null;
  return { reason: "address", message: `${REFUSAL_PREFIX}: ${bareAddress(address)} — ${range.label}` };
}

function defaultPort(protocol: string): number {
  return protocol === "https:" ? 443 : 80;
}

/**
 * Checks what can be checked without DNS: the scheme, credentials, the port and IP-literal hosts (which never
 * reach the lookup). Called for the submitted URL and for every redirect target.
 */
export function refuseUrl(rawUrl: string, policy: TargetPolicy): TargetRefusal | null {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { reason: "invalid", message: `${REFUSAL_PREFIX}: некорректный адрес` };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return {
      reason: "scheme",
      message: `${REFUSAL_PREFIX}: поддерживаются только http:// и https://, получено ${url.protocol}`,
    };
  }
  if (url.username || url.password) {
    return {
      reason: "credentials",
      message: `${REFUSAL_PREFIX}: адрес содержит имя пользователя или пароль`,
    };
  }
  const port = url.port ? Number(url.port) : defaultPort(url.protocol);
  if (policy.allowedPorts !== "any" && !policy.allowedPorts.includes(port)) {
    return {
      reason: "port",
      message: `${REFUSAL_PREFIX}: порт ${port} не разрешён (допустимы ${policy.allowedPorts.join(", ")})`,
    };
  }
  // The URL parser already turned 2130706433, 0x7f.1 and [::ffff:127.0.0.1] into canonical IP literals.
  if (isIP(bareAddress(url.hostname))) return refuseAddress(url.hostname, policy);
  return null;
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A DNS lookup that resolves through `base` and refuses the name when any of its addresses is refused: the
 * address checked is the address connected to, so DNS rebinding between a check and the connection cannot slip
 * through. Handles both the single-address and the `{ all: true }` forms net.connect uses.
 */
export function guardedLookup(policy: TargetPolicy, base: LookupFunction = defaultLookup): LookupFunction {
  return ((hostname: string, options: unknown, callback?: unknown) => {
    const cb = (typeof options === "function" ? options : callback) as LookupCallback;
    const opts = (typeof options === "object" && options !== null ? options : {}) as {
      all?: boolean;
      family?: number;
    };
    (base as (h: string, o: unknown, c: LookupCallback) => void)(
      hostname,
      { ...opts, all: true },
      (err, addresses) => {
        if (err) {
          cb(err, opts.all ? [] : "");
          return;
        }
        const list = (
          Array.isArray(addresses) ? addresses : [{ address: addresses, family: isIP(addresses) }]
        ).filter((a) => a.address);
        for (const a of list) {
          const refusal = refuseAddress(a.address, policy);
          if (refusal) {
            const message = `${refusal.message} (имя ${hostname})`;
            cb(new RefusedTargetError({ ...refusal, message }), opts.all ? [] : "");
            return;
          }
        }
        if (opts.all) cb(null, list);
        else if (list[0]) cb(null, list[0].address, list[0].family);
        else cb(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" }), "");
      },
    );
  }) as LookupFunction;
}

/** Resolves a name through a lookup, all addresses: a promise form for the form's early check. */
export function resolveAll(lookup: LookupFunction, hostname: string): Promise<LookupAddress[]> {
  return new Promise((resolve, reject) => {
    (lookup as (h: string, o: unknown, c: LookupCallback) => void)(
      hostname,
      { all: true },
      (err, addresses) => {
        if (err) reject(err);
        else
          resolve(Array.isArray(addresses) ? addresses : [{ address: addresses, family: isIP(addresses) }]);
      },
    );
  });
}

/**
 * The early check of a submitted address, so the person sees a refusal at once rather than a failed check:
 * the URL rules, then the name's addresses. A name that does not resolve is not refused here (the check then
 * reports the site unreachable, as `nok check` would).
 */
export async function refuseTarget(
  rawUrl: string,
  policy: TargetPolicy,
  lookup: LookupFunction = defaultLookup,
): Promise<TargetRefusal | null> {
  const early = refuseUrl(rawUrl, policy);
  if (early) return early;
  const host = bareAddress(new URL(rawUrl).hostname);
  if (isIP(host)) return null;
  try {
    await resolveAll(guardedLookup(policy, lookup), host);
    return null;
  } catch (err) {
    if (err instanceof RefusedTargetError) return err.refusal;
    return null;
  }
}

/** The policy of a site named at a non-public address: anything but metadata and link-local. */
export const PRIVATE_SITE_POLICY: TargetPolicy = { allowPrivate: true, allowedPorts: "any" };
/** The policy of a site named at a public address: public addresses only. */
export const PUBLIC_SITE_POLICY: TargetPolicy = { allowPrivate: false, allowedPorts: "any" };

/**
 * The address guard of a fetcher: for each fetch, the policy its site earns (a site named at a non-public
 * address may stay there; a public one may not go there), and a lookup per policy for the connections.
 */
export interface AddressGuard {
  /** The policy for fetches of the site started at `siteUrl` (its addresses resolved once, then cached). */
  policyFor(siteUrl: string): Promise<TargetPolicy>;
  lookupFor(policy: TargetPolicy): LookupFunction;
}

export function createAddressGuard(base: LookupFunction = defaultLookup): AddressGuard {
  const strict = guardedLookup(PUBLIC_SITE_POLICY, base);
  const permissive = guardedLookup(PRIVATE_SITE_POLICY, base);
  const byHost = new Map<string, Promise<TargetPolicy>>();
  return {
    policyFor(siteUrl) {
      let host: string;
      try {
        host = bareAddress(new URL(siteUrl).hostname).toLowerCase();
      } catch {
        return Promise.resolve(PUBLIC_SITE_POLICY);
      }
      let policy = byHost.get(host);
      if (!policy) {
        policy = isIP(host)
          ? Promise.resolve(classifyAddress(host) ? PRIVATE_SITE_POLICY : PUBLIC_SITE_POLICY)
          : resolveAll(base, host).then(
              (list) =>
                list.some((a) => classifyAddress(a.address)) ? PRIVATE_SITE_POLICY : PUBLIC_SITE_POLICY,
              // A name that does not resolve fails its fetch anyway; the strict policy costs nothing.
              () => PUBLIC_SITE_POLICY,
            );
        if (byHost.size > 10_000) byHost.clear();
        byHost.set(host, policy);
      }
      return policy;
    },
    lookupFor(policy) {
      return policy.allowPrivate ? permissive : strict;
    },
  };
}
