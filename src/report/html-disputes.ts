/** Disputes in the report: each beside the verdict it disputes, which the report never changes. */
import type { Dispute } from "../disputes/types.ts";
import { escapeHtml as h } from "./escape-html.ts";
import { formatDateTime } from "./format.ts";
import { table } from "./html-parts.ts";
import { ruleTitle, STATUS_STYLES } from "./labels.ts";
import type { ReportModel } from "./model.ts";

const STATE: Record<Dispute["status"], string> = { open: "открыт", confirmed: "подтверждено" };

export function disputesSection(model: ReportModel, disputes: readonly Dispute[] | undefined): string {
  if (!disputes?.length) return "";
  const { run } = model;
  const rows = [...disputes]
    .sort((a, b) => (a.region ?? "").localeCompare(b.region ?? "") || Number(a.id) - Number(b.id))
    .map(
      (d) =>
        `<tr><td>№&nbsp;${h(d.id)}</td><td>${h(model.regionName(d.region) ?? d.region ?? "—")}</td><td>${h(d.siteName ?? d.site)}<div class="small">${h(ruleTitle(run, d.rule))}; вердикт: ${h(STATUS_STYLES[d.verdict].label)}</div></td><td>${h(d.by)}, ${h(formatDateTime(d.createdAt))}<div class="small">${h(d.comment)} — ${h(d.evidenceUrl)}</div></td><td><b>${h(STATE[d.status])}</b><div class="small">${h(d.reason)}</div></td></tr>`,
    );
  return [
    `<h2 id="disputes">Споры</h2>`,
    `<p class="small">Спор закрывается как «подтверждено» только повторной проверкой сайта, начатой с указанной страницы; вердикты отчёта при этом не меняются.</p>`,
    table(["№", "Субъект", "Сайт и требование", "Кто оспорил", "Состояние"], rows),
  ].join("\n");
}
