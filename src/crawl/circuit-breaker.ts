import type { FetchedPage, FetchOptions } from "../types/index.ts";
import { DEFAULT_CIRCUIT_BREAKER } from "./defaults.ts";
import { crawlError, isConnectionError, unfetchedPage } from "./errors.ts";
import type { FetchFn } from "./fetch-fn.ts";
import { hostKey } from "./politeness.ts";

export interface CircuitBreakerOptions {
  /** Consecutive connection-level failures that open the circuit. */
  threshold: number;
  /** Open time before one probe is let through (half-open). */
  cooldownMs: number;
  now: () => number;
}

interface HostCircuit {
  failures: number;
  openedAt: number | null;
  probing: boolean;
}

export interface CircuitBreaker {
  /** Wrap a fetch function: requests to an open host fail fast with `circuit-open`. */
  wrap(fetch: FetchFn): FetchFn;
  isOpen(hostOrUrl: string): boolean;
  failures(hostOrUrl: string): number;
  /** Feed a result in (wrap does this itself). */
  record(url: string, page: FetchedPage): void;
}

function openPage(url: string, failures: number): FetchedPage {
  return unfetchedPage(
    url,
    crawlError("circuit-open", `host gave ${failures} connection failures in a row; not requested`),
  );
}

/** Per-host circuit breaker: after N consecutive connection-level failures the host is skipped. */
export function createCircuitBreaker(partial: Partial<CircuitBreakerOptions> = {}): CircuitBreaker {
  const options: CircuitBreakerOptions = { ...DEFAULT_CIRCUIT_BREAKER, now: Date.now, ...partial };
  const circuits = new Map<string, HostCircuit>();
  const circuit = (hostOrUrl: string): HostCircuit => {
    const key = hostKey(hostOrUrl);
    let c = circuits.get(key);
    if (!c) {
      c = { failures: 0, openedAt: null, probing: false };
      circuits.set(key, c);
    }
    return c;
  };

  const record = (url: string, page: FetchedPage): void => {
    const c = circuit(url);
    c.probing = false;
    if (isConnectionError(page.error?.code)) {
      c.failures++;
      if (c.failures >= options.threshold) c.openedAt = options.now();
    } else if (page.error?.code !== "circuit-open") {
      c.failures = 0;
      c.openedAt = null;
    }
  };

  /** Open and not yet due for a probe. */
  const blocks = (c: HostCircuit): boolean => {
    if (c.openedAt === null) return false;
    if (c.probing) return true;
    return options.now() - c.openedAt < options.cooldownMs;
  };

  return {
    wrap(fetch: FetchFn): FetchFn {
      return async (url: string, fetchOptions?: FetchOptions) => {
        const c = circuit(url);
        if (blocks(c)) return openPage(url, c.failures);
        if (c.openedAt !== null) c.probing = true;
        const page = await fetch(url, fetchOptions);
        record(url, page);
        return page;
      };
    },
    isOpen(hostOrUrl: string): boolean {
      return blocks(circuit(hostOrUrl));
    },
    failures(hostOrUrl: string): number {
      return circuits.get(hostKey(hostOrUrl))?.failures ?? 0;
    },
    record,
  };
}
