import { getDomain, parse } from "tldts";
import { StringMemo } from "../util/memo.ts";
import { normalizeUrl, stripWww } from "./url.ts";

/** Which URLs belong to the site being crawled. */
export interface Scope {
  inScope(url: string): boolean;
  /** Accept another host as the same site (the target of a home-page redirect). */
  allowHost(host: string): void;
  /** The scope roots: bare hosts (`minzdrav.ru`) or exact `ip:port` for IP hosts. */
  readonly roots: readonly string[];
  /** Hosts added through allowHost, in order (recorded for the report). */
  readonly widened: readonly string[];
}

export interface ScopeOptions {
  /**
   * Widen the scope from the start host to its whole registrable domain
   * (`minzdrav.region.ru` → every `*.region.ru`). Off by default: many regional
   * ministries are subdomains of one portal, and `*.gosweb.gosuslugi.ru` hosts
   * thousands of unrelated schools, so a sibling's pages must not count as evidence.
   */
  registrableDomain?: boolean;
}

interface Root {
  /** Exact `host:port` for IP hosts, else a bare hostname matched with its subdomains. */
  exact: boolean;
  value: string;
}

function splitHost(hostOrUrl: string): { hostname: string; host: string } | null {
  const candidate = hostOrUrl.includes("://") ? hostOrUrl : `http://${hostOrUrl}`;
  try {
    const u = new URL(candidate);
    return { hostname: u.hostname.replace(/\.+$/, ""), host: u.host };
  } catch {
    return null;
  }
}

function rootFor(hostOrUrl: string, registrable: boolean): Root | null {
  const parts = splitHost(hostOrUrl);
  if (parts === null || parts.hostname === "") return null;
  const info = parse(parts.hostname);
  // Tests (and odd installations) run many sites on one IP: there the port is the site.
  if (info.isIp) return { exact: true, value: parts.host };
  const bare = stripWww(parts.hostname);
  // Private suffixes count too: two sites under spb.ru or a hosting provider's domain are different sites.
  if (registrable) return { exact: false, value: getDomain(bare, { allowPrivateDomains: true }) ?? bare };
  return { exact: false, value: bare };
}

function matches(root: Root, hostname: string, host: string): boolean {
  if (root.exact) return host === root.value;
  return hostname === root.value || hostname.endsWith(`.${root.value}`);
}

/** The scope of a site started at `startUrl`: its host (any scheme, with or without `www.`) and subdomains. */
export function createScope(startUrl: string, options: ScopeOptions = {}): Scope {
  const registrable = options.registrableDomain ?? false;
  const roots: Root[] = [];
  const widened: string[] = [];
  const start = rootFor(startUrl, registrable);
  if (start !== null) roots.push(start);
  // Verdicts per URL (a site's menu links come back on every page); a new root starts a fresh cache.
  let verdicts = new StringMemo<boolean>(10_000);
  const judge = (url: string): boolean => {
    const normalized = normalizeUrl(url);
    if (normalized === null) return false;
    const u = new URL(normalized);
    return roots.some((r) => matches(r, u.hostname, u.host));
  };

  return {
    inScope(url: string): boolean {
      return verdicts.get(url, () => judge(url));
    },
    allowHost(host: string): void {
      const root = rootFor(host, registrable);
      if (root === null) return;
      if (roots.some((r) => r.exact === root.exact && r.value === root.value)) return;
      roots.push(root);
      widened.push(root.value);
      verdicts = new StringMemo<boolean>(10_000);
    },
    get roots() {
      return roots.map((r) => r.value);
    },
    get widened() {
      return [...widened];
    },
  };
}
