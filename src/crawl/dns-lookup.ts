import { type LookupAddress, lookup as systemLookup } from "node:dns";
import { isIP, type LookupFunction } from "node:net";

/**
 * A DNS lookup that answers from a table (`"minzdrav.test"`, or `"*.test"` for every
 * subdomain) and defers to `fallback` (none: ENOTFOUND) for other names. Tests map their
 * named sites to 127.0.0.1 with it; handles the `{ all: true }` form net.connect uses.
 */
export function staticLookup(table: Record<string, string>, fallback?: LookupFunction): LookupFunction {
  const resolve = (hostname: string): string | undefined => {
    const name = hostname.toLowerCase().replace(/\.$/, "");
    if (table[name] !== undefined) return table[name];
    const labels = name.split(".");
    for (let i = 1; i < labels.length; i++) {
      const wildcard = `*.${labels.slice(i).join(".")}`;
      if (table[wildcard] !== undefined) return table[wildcard];
    }
    return undefined;
  };
  return ((hostname: string, options: unknown, callback: unknown) => {
    const cb = (typeof options === "function" ? options : callback) as (
      err: NodeJS.ErrnoException | null,
      address: string | LookupAddress[],
      family?: number,
    ) => void;
    const opts = (typeof options === "object" && options !== null ? options : {}) as { all?: boolean };
    const address = resolve(hostname);
    if (address === undefined) {
      if (fallback) {
        (fallback as (h: string, o: unknown, c: unknown) => void)(hostname, opts, cb);
        return;
      }
      const err: NodeJS.ErrnoException = new Error(`getaddrinfo ENOTFOUND ${hostname}`);
      err.code = "ENOTFOUND";
      (err as NodeJS.ErrnoException & { hostname?: string }).hostname = hostname;
      process.nextTick(() => cb(err, opts.all ? [] : ""));
      return;
    }
    const family = isIP(address) || 4;
    process.nextTick(() => (opts.all ? cb(null, [{ address, family }]) : cb(null, address, family)));
  }) as LookupFunction;
}

export const defaultLookup: LookupFunction = systemLookup as unknown as LookupFunction;
