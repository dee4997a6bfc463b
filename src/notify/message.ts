/** The text of a region's notification and the JSON a webhook receives. */
import { SPHERE_IN_PHRASES } from "../findings/sphere-names.ts";
import { endSentence, longDate, NBSP, shortDate, typeset } from "../letters/typography.ts";
import { ruleFailureTitle, ruleTitle, statusLabel } from "../report/labels.ts";
import type { DiffEntry, RunResult } from "../types/result.ts";
import type { RegionChanges } from "./region-changes.ts";

export const NOTIFICATION_SCHEMA = "nok-monitor/notification@1" as const;

export interface NotificationMessage {
  region: { code: string; name: string };
  subject: string;
  text: string;
  payload: NotificationPayload;
}

export interface PayloadChange {
  site: string;
  siteName: string | null;
  sphere: string | null;
  rule: string;
  title: string;
  before: string | null;
  after: string;
}

export interface NotificationPayload {
  schema: typeof NOTIFICATION_SCHEMA;
  runId: string;
  asOf: string;
  comparedWith: { runId: string; asOf: string } | null;
  region: { code: string; name: string };
  counts: { newGaps: number; fixed: number; stillMissing: number; newlyUnknown: number };
  changes: {
    newGaps: PayloadChange[];
    fixed: PayloadChange[];
    stillMissing: PayloadChange[];
    newlyUnknown: PayloadChange[];
  };
}

export function composeMessage(run: RunResult, region: RegionChanges): NotificationMessage {
  const siteNames = new Map(run.sites.map((s) => [s.url, s.name]));
  const change = (e: DiffEntry): PayloadChange => ({
    site: e.site,
    siteName: siteNames.get(e.site) ?? null,
    sphere: e.sphere,
    rule: e.rule,
    title: e.after === "fail" ? ruleFailureTitle(run, e.rule) : ruleTitle(run, e.rule),
    before: e.before,
    after: e.after,
  });
  const payload: NotificationPayload = {
    schema: NOTIFICATION_SCHEMA,
    runId: run.runId,
    asOf: run.asOf,
    comparedWith: run.compare ? { runId: run.compare.runId, asOf: run.compare.asOf } : null,
    region: { code: region.code, name: region.name },
    counts: {
      newGaps: region.newGaps.length,
      fixed: region.fixed.length,
      stillMissing: region.stillMissing.length,
      newlyUnknown: region.newlyUnknown.length,
    },
    changes: {
      newGaps: region.newGaps.map(change),
      fixed: region.fixed.map(change),
      stillMissing: region.stillMissing.map(change),
      newlyUnknown: region.newlyUnknown.map(change),
    },
  };
  const since = run.compare
    ? `; в сравнении с мониторингом по состоянию на ${longDate(run.compare.asOf)}`
    : "; предыдущего мониторинга нет — перечислены все выявленные недостатки";
  const lines = [
    region.name,
    "",
    endSentence(
      `Результаты мониторинга официальных сайтов в части размещения информации о независимой оценке качества условий оказания услуг организациями социальной сферы по состоянию на ${longDate(run.asOf)}${since}`,
    ),
  ];
  const block = (title: string, list: PayloadChange[], note = "") => {
    if (!list.length) return;
    lines.push("", `${title}${NBSP}— ${list.length}${note}:`);
    for (const c of list) {
      const sphere = c.sphere ? `${SPHERE_IN_PHRASES[c.sphere as keyof typeof SPHERE_IN_PHRASES]}: ` : "";
      const site = c.siteName ? `${c.siteName}, ${c.site}` : c.site;
      const was = c.before && c.after !== "fail" ? ` (было: ${statusLabel(c.before as "pass")})` : "";
      lines.push(`— ${sphere}${site}${NBSP}— ${c.title}${was}.`);
    }
  };
  block("Новые недостатки", payload.changes.newGaps);
  block("Устранено", payload.changes.fixed);
  block("По-прежнему не размещено", payload.changes.stillMissing);
  block(
    "Не удалось проверить",
    payload.changes.newlyUnknown,
    " (недостатком не считается, будет проверено повторно)",
  );
  lines.push(
    "",
    "Если сведения размещены, но не были найдены при мониторинге, сообщите в ответном письме адрес страницы (документа): сайт будет проверен повторно с этой страницы.",
    "",
    `Сообщение сформировано автоматически (nok-monitor, прогон ${run.runId}).`,
  );
  return {
    region: payload.region,
    subject: typeset(`НОК: результаты мониторинга сайтов — ${region.name} (на ${shortDate(run.asOf)})`),
    text: `${lines.map((l) => typeset(l)).join("\n")}\n`,
    payload,
  };
}
