/** «Требования и правовые основания»: each rule's description and legal basis, from `run.rules`. */
import { escapeHtml as h } from "./escape-html.ts";
import { ruleInfo, SEVERITY_LABELS } from "./labels.ts";
import type { ReportModel } from "./model.ts";

export function rulesSection(model: ReportModel): string {
  const parts = [`<h2 id="rules">Требования и правовые основания</h2>`];
  for (const id of model.rules) {
    const info = ruleInfo(model.run, id);
    if (!info) {
      parts.push(
        `<h3>${h(id)}</h3><p class="muted">Описание требования в результатах запуска отсутствует.</p>`,
      );
      continue;
    }
    parts.push(
      `<h3 id="rule-${h(id.replace(/[^a-z0-9-]+/gi, "-"))}">${h(info.title)}</h3>`,
      `<p class="muted small">${h(info.id)} · значимость: ${h(SEVERITY_LABELS[info.severity] ?? info.severity)}</p>`,
      info.description ? `<p>${h(info.description)}</p>` : "",
      info.legal.length
        ? `<p><b>Правовые основания:</b></p><ul>${info.legal.map((l) => `<li>${h(l)}</li>`).join("")}</ul>`
        : "",
    );
  }
  return parts.filter(Boolean).join("\n");
}
