import { Agent, request } from "undici";
import { guardedLookup, PRIVATE_SITE_POLICY } from "../address-policy.ts";

/** A raw HTTP GET: resolves with any status, rejects only on network failure (mapped by network-error.ts). */
export type BusGovTransport = (
  url: string,
  init: { headers: Record<string, string>; signal?: AbortSignal },
) => Promise<{ status: number; headers: Record<string, string>; body: Uint8Array }>;

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`body larger than ${limit} bytes`);
  }
}

export interface UndiciTransportOptions {
  connectTimeoutMs: number;
  timeoutMs: number;
  maxBodyBytes: number;
}

/** The default transport: undici `request` on its own Agent, body read under a size cap. */
export function createUndiciTransport(options: UndiciTransportOptions): {
  transport: BusGovTransport;
  close(): Promise<void>;
} {
  const agent = new Agent({
    // The address policy's floor: the bus.gov.ru address is named by the user, but never a metadata address.
    connect: { timeout: options.connectTimeoutMs, lookup: guardedLookup(PRIVATE_SITE_POLICY) },
    headersTimeout: options.timeoutMs,
    bodyTimeout: options.timeoutMs,
  });
  const transport: BusGovTransport = async (url, init) => {
    const res = await request(url, {
      method: "GET",
      headers: init.headers,
      dispatcher: agent,
      ...(init.signal ? { signal: init.signal } : {}),
    });
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res.body) {
      size += (chunk as Buffer).length;
      if (size > options.maxBodyBytes) {
        res.body.destroy();
        throw new BodyTooLargeError(options.maxBodyBytes);
      }
      chunks.push(chunk as Buffer);
    }
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(res.headers)) {
      if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(", ") : v;
    }
    return { status: res.statusCode, headers, body: new Uint8Array(Buffer.concat(chunks)) };
  };
  return { transport, close: () => agent.close() };
}
