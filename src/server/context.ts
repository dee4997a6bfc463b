/** What every route handler shares, and the submission path common to the form and the API. */
import type { IncomingMessage } from "node:http";
import type { LookupFunction } from "node:net";
import type { DisputeStore, RecheckSite } from "../index.ts";
import { type CheckJobView, type CheckQueue, QueueFullError } from "./check-queue.ts";
import { parseSubmission, type SubmissionError, type SubmissionInput } from "./check-submission.ts";
import type { DashboardData } from "./dashboard-data.ts";
import { clientKey, type RateLimiter } from "./rate-limit.ts";
import type { TargetPolicy } from "./ssrf-guard.ts";

export interface ServerContext {
  data: DashboardData;
  queue: CheckQueue;
  policy: TargetPolicy;
  /** DNS under the guard (tests); undefined: the system resolver. */
  lookup: LookupFunction | undefined;
  limiter: RateLimiter | null;
  snapshotsDir: string;
  concurrency: number;
  /** Take the client address from the last X-Forwarded-For hop (behind a reverse proxy). */
  trustProxy: boolean;
  /** Disputes of findings («оспорить» on the region page) and their re-checks through the guarded fetcher. */
  disputes: DisputeStore;
  recheck: RecheckSite;
}

export function clientAddress(req: IncomingMessage, trustProxy: boolean): string | undefined {
  if (trustProxy) {
    const forwarded = req.headers["x-forwarded-for"];
    const last = (Array.isArray(forwarded) ? forwarded.join(",") : (forwarded ?? ""))
      .split(",")
      .at(-1)
      ?.trim();
    if (last) return last;
  }
  return req.socket.remoteAddress;
}

/** `http://host` as the client addressed us (for links people copy). */
export function originOf(req: IncomingMessage): string {
  const host = req.headers.host ?? "127.0.0.1";
  return `http://${host}`;
}

export type SubmitOutcome =
  | { ok: true; job: CheckJobView; joined: boolean }
  | ({ ok: false; status: number; headers: Record<string, string> } & (
      | SubmissionError
      | { code: "rate-limited" | "queue-full"; message: string }
    ));

/** Rate limit first (every attempt counts, refused ones too), then validation and the guard, then the queue. */
export async function submitCheck(
  ctx: ServerContext,
  req: IncomingMessage,
  input: SubmissionInput,
): Promise<SubmitOutcome> {
  if (ctx.limiter) {
    const decision = ctx.limiter.take(clientKey(clientAddress(req, ctx.trustProxy)));
    if (!decision.allowed) {
      const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
      return {
        ok: false,
        status: 429,
        headers: { "Retry-After": String(seconds) },
        code: "rate-limited",
        message: `Слишком много проверок с вашего адреса. Повторите через ${seconds} с.`,
      };
    }
  }
  const parsed = await parseSubmission(input, ctx.policy, ctx.lookup);
  if (!parsed.ok) return { ok: false, status: 400, headers: {}, code: parsed.code, message: parsed.message };
  try {
    const { job, joined } = await ctx.queue.submit(parsed.request);
    return { ok: true, job, joined };
  } catch (err) {
    if (err instanceof QueueFullError) {
      return {
        ok: false,
        status: 503,
        headers: { "Retry-After": "60" },
        code: "queue-full",
        message: `Очередь проверок заполнена: ${err.message}.`,
      };
    }
    throw err;
  }
}
