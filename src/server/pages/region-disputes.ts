/** The region page's disputes: the list with each dispute's state and history, and the «оспорить» form. */

import {
  type Dispute,
  formatDateTime,
  escapeHtml as h,
  ruleTitle,
  STATUS_STYLES,
  siteLabel,
  table,
} from "../../index.ts";
import type { RunResult, SiteResult } from "../../types/index.ts";

const STATE: Record<Dispute["status"], string> = { open: "открыт", confirmed: "подтверждено" };

export function disputesList(run: RunResult, disputes: readonly Dispute[]): string {
  if (!disputes.length) return `<p class="muted">Споров по этому субъекту нет.</p>`;
  const rows = disputes.map((d) => {
    const history = d.history
      .map((e) => `<li>${h(formatDateTime(e.at))} · ${h(e.by)}: ${h(e.note)}</li>`)
      .join("");
    return `<tr data-dispute="${h(d.id)}" data-status="${h(d.status)}"><td>№&nbsp;${h(d.id)}</td><td><b class="${d.status === "confirmed" ? "ok" : ""}">${h(STATE[d.status])}</b></td><td>${h(d.siteName ?? d.site)}<div class="small muted">${h(ruleTitle(run, d.rule))} · вердикт прогона: ${h(STATUS_STYLES[d.verdict].label)}</div></td><td><a href="${h(d.evidenceUrl)}" rel="noopener noreferrer">${h(d.evidenceUrl)}</a><div class="small">${h(d.comment)}</div></td><td>${h(d.reason)}<details><summary class="small">история</summary><ul class="small">${history}</ul></details></td></tr>`;
  });
  return table(
    ["№", "Состояние", "Сайт и требование", "Где размещено", "Итог повторной проверки"],
    rows,
    "disputes",
  );
}

/** The form lists every finding that is not passing: disputing a pass would have nothing to settle. */
export function disputeForm(run: RunResult, code: string, sites: readonly SiteResult[]): string {
  const options = sites
    .filter((s) => s.kind !== "busgov")
    .flatMap((s) =>
      s.findings
        .filter((f) => f.status === "fail" || f.status === "warn" || f.status === "unknown")
        .map(
          (f) =>
            `<option value="${h(`${f.rule} ${s.url}`)}">${h(`${siteLabel(s)} — ${ruleTitle(run, f.rule)} (${STATUS_STYLES[f.status].label})`)}</option>`,
        ),
    );
  if (!options.length) return "";
  return `<form class="dispute" method="post" action="/region/${h(encodeURIComponent(code))}/disputes">
<input type="hidden" name="run" value="${h(run.runId)}">
<label>Вердикт<select name="finding" required>${options.join("")}</select></label>
<label>Адрес страницы или документа, где размещены сведения<input type="url" name="url" required placeholder="https://…"></label>
<label>Комментарий<input type="text" name="comment" required maxlength="500" placeholder="что и где размещено"></label>
<label>Кто оспаривает<input type="text" name="by" maxlength="200" placeholder="ФИО, орган, e-mail"></label>
<button type="submit">Оспорить</button>
<p class="small muted">Сайт будет проверен повторно, начиная с указанной страницы. Спор закрывается как «подтверждено», только если повторная проверка найдёт сведения; вердикт прогона вручную не меняется.</p>
</form>`;
}
