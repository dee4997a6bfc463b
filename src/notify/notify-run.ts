/**
 * Notifications of a finished run: per region, what changed since the previous run, by e-mail (SMTP) and/or a JSON
 * webhook, or as `.eml` files (dry run). Every attempt is recorded in `deliveries.json`; a failed delivery is
 * retried with backoff and reported, and never throws: the run itself is already saved and stays untouched.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { normalizeSiteUrl } from "../findings/diff.ts";
import { loadRegions } from "../registry/regions.ts";
import type { RunResult } from "../types/result.ts";
import { type ContactIssue, type Contacts, loadContacts } from "./contacts.ts";
import { renderEml, smtpSender } from "./email.ts";
import { composeMessage } from "./message.ts";
import { regionChanges } from "./region-changes.ts";
import { type AttemptRecord, type RetryOptions, withRetry } from "./retry.ts";
import { postWebhook } from "./webhook.ts";

export const DEFAULT_FROM = "nok-monitor <nok-monitor@localhost>";

export interface NotifyOptions {
  /** Folder for `.eml` files (dry run) and `deliveries.json`. */
  outDir: string;
  smtp?: string;
  webhook?: string;
  /** Write the messages as files instead of sending them. */
  dryRun?: boolean;
  from?: string;
  /** Site lists whose `contacts:` are used (YAML). */
  registryFiles?: readonly string[];
  regionsFile?: string;
  /** Contacts already loaded (instead of reading the registry). */
  contacts?: Contacts;
  /** Only these regions. */
  regions?: readonly string[];
  retry?: RetryOptions;
  timeoutMs?: number;
}

export interface DeliveryRecord {
  region: string;
  channel: "email" | "webhook" | "eml" | "webhook-file";
  target: string;
  ok: boolean;
  attempts: AttemptRecord[];
  error?: string;
  path?: string;
}

export interface NotifyResult {
  runId: string;
  outDir: string;
  /** Regions with something new to say. */
  regions: string[];
  deliveries: DeliveryRecord[];
  /** Regions with changes but no e-mail address in the registry. */
  withoutRecipients: string[];
  contactIssues: ContactIssue[];
  logPath: string;
}

export async function notifyRun(run: RunResult, opts: NotifyOptions): Promise<NotifyResult> {
  const contacts =
    opts.contacts ??
    (await loadContacts({
      ...(opts.regionsFile ? { regionsFile: opts.regionsFile } : {}),
      registryFiles: opts.registryFiles ?? [],
    }));
  const names = new Map(loadRegions(opts.regionsFile).map((r) => [r.code, r.name]));
  const regions = regionChanges(run, names).filter(
    (r) => !opts.regions?.length || opts.regions.includes(r.code),
  );
  await mkdir(opts.outDir, { recursive: true });
  const deliveries: DeliveryRecord[] = [];
  const withoutRecipients: string[] = [];
  const sender = opts.smtp && !opts.dryRun ? smtpSender({ url: opts.smtp, ...timeout(opts) }) : null;
  const from = opts.from ?? DEFAULT_FROM;
  try {
    for (const region of regions) {
      const msg = composeMessage(run, region);
      const to = recipients(contacts, region.code, region.sites);
      const mail = { from, to, subject: msg.subject, text: msg.text, json: msg.payload };
      if (opts.dryRun || sender) {
        if (to.length === 0) withoutRecipients.push(region.code);
        else if (opts.dryRun) {
          const path = join(opts.outDir, `${region.code}.eml`);
          await writeFile(path, await renderEml(mail));
          deliveries.push(record(region.code, "eml", to.join(", "), { ok: true, attempts: [] }, path));
        } else if (sender) {
          const outcome = await withRetry(() => sender.send(mail), opts.retry);
          deliveries.push(record(region.code, "email", to.join(", "), outcome));
        }
      }
      if (opts.webhook) {
        if (opts.dryRun) {
          const path = join(opts.outDir, `${region.code}.webhook.json`);
          await writeFile(path, `${JSON.stringify(msg.payload, null, 2)}\n`);
          deliveries.push(
            record(region.code, "webhook-file", opts.webhook, { ok: true, attempts: [] }, path),
          );
        } else {
          const url = opts.webhook;
          const outcome = await withRetry(() => postWebhook(url, msg.payload, opts.timeoutMs), opts.retry);
          deliveries.push(record(region.code, "webhook", url, outcome));
        }
      }
    }
  } finally {
    sender?.close();
  }
  const logPath = join(opts.outDir, "deliveries.json");
  const result: NotifyResult = {
    runId: run.runId,
    outDir: opts.outDir,
    regions: regions.map((r) => r.code),
    deliveries,
    withoutRecipients,
    contactIssues: contacts.issues,
    logPath,
  };
  await writeFile(
    logPath,
    `${JSON.stringify({ ...result, writtenAt: new Date().toISOString() }, null, 2)}\n`,
  );
  return result;
}

function timeout(opts: NotifyOptions): { timeoutMs?: number } {
  return opts.timeoutMs === undefined ? {} : { timeoutMs: opts.timeoutMs };
}

function recipients(contacts: Contacts, code: string, sites: readonly string[]): string[] {
  const all = [...(contacts.byRegion.get(code) ?? [])];
  for (const url of sites) all.push(...(contacts.bySite.get(normalizeSiteUrl(url)) ?? []));
  return [...new Set(all)];
}

function record(
  region: string,
  channel: DeliveryRecord["channel"],
  target: string,
  outcome: { ok: boolean; attempts: AttemptRecord[]; error?: string },
  path?: string,
): DeliveryRecord {
  return {
    region,
    channel,
    target,
    ok: outcome.ok,
    attempts: outcome.attempts,
    ...(outcome.error ? { error: outcome.error } : {}),
    ...(path ? { path } : {}),
  };
}
