/** «Самопроверка»: the form, the live progress of a queued check and its result page. */

import {
  badge,
  formatDate,
  formatDateTime,
  formatInt,
  escapeHtml as h,
  KIND_LABELS,
  link,
  SITE_STATUS_LABELS,
  SPHERE_NAMES,
} from "../../index.ts";
import { type RunResult, SPHERES, type Status } from "../../types/index.ts";
import type { CheckJobView, CheckState } from "../check-queue.ts";
import { page } from "./layout.ts";
import { runLinks } from "./overview.ts";
import { siteSection } from "./site-verdicts.ts";

export const CHECK_STATE_LABELS: Readonly<Record<CheckState, string>> = {
  queued: "в очереди",
  running: "выполняется",
  done: "завершена",
  failed: "не выполнена",
};

export interface CheckFormValues {
  url: string;
  kind: string;
  sphere: string;
  region: string;
}

export interface CheckFormData {
  values: CheckFormValues;
  error: string | null;
  regions: { code: string; name: string }[];
  queue: { waiting: number; running: number; concurrency: number };
  /** The server was started with --allow-private (demo, tests). */
  privateAllowed: boolean;
}

export const EMPTY_FORM: CheckFormValues = { url: "", kind: "authority", sphere: "", region: "" };

export function checkFormPage(data: CheckFormData): string {
  const v = data.values;
  const option = (value: string, label: string, current: string) =>
    `<option value="${h(value)}"${value === current ? " selected" : ""}>${h(label)}</option>`;
  const kinds = [
    option("authority", `${KIND_LABELS.authority} (министерство, департамент, комитет)`, v.kind),
    option("institution", `${KIND_LABELS.institution} (учреждение социальной сферы)`, v.kind),
  ].join("");
  const spheres = [
    option("", "не указана — проверить по правилам всех сфер", v.sphere),
    ...SPHERES.map((s) => option(s, SPHERE_NAMES[s], v.sphere)),
  ].join("");
  const regions = [
    option("", "не указан", v.region),
    ...data.regions.map((r) => option(r.code, `${r.code} — ${r.name}`, v.region)),
  ].join("");
  const q = data.queue;
  const body = [
    `<h1>Самопроверка сайта</h1>`,
    `<p>Укажите адрес сайта — сервис обойдёт его так же, как при плановом мониторинге, и покажет, какие сведения о независимой оценке качества найдены, а какие нет. Проверка занимает от нескольких секунд до нескольких минут; результат сохраняется, ссылкой на него можно поделиться.</p>`,
    data.error ? `<p class="error" role="alert">${h(data.error)}</p>` : "",
    `<form class="check" method="post" action="/check">`,
    `<label>Адрес сайта<input type="text" inputmode="url" name="url" required autocomplete="url" placeholder="https://minzdrav.example.ru/" value="${h(v.url)}"><span class="hint">Можно без «https://».</span></label>`,
    `<label>Вид сайта<select name="kind">${kinds}</select></label>`,
    `<label>Сфера<select name="sphere">${spheres}</select></label>`,
    `<label>Субъект Российской Федерации<select name="region">${regions}</select></label>`,
    `<button type="submit">Проверить</button>`,
    `</form>`,
    `<p class="small muted">Одновременно выполняется не более ${formatInt(q.concurrency)} проверок; сейчас выполняется ${formatInt(q.running)}, ожидают ${formatInt(q.waiting)}. Если этот сайт уже проверяется, вы присоединитесь к идущей проверке. ${data.privateAllowed ? "Сервер запущен с --allow-private: адреса локальной сети разрешены (демонстрация, тесты)." : "Адреса локальной и частных сетей не проверяются."}</p>`,
  ];
  return page({ title: "Самопроверка", section: "check", body: body.filter(Boolean).join("\n") });
}

/** Names a subject by its code («71 — Тульская область»); the code alone when unknown. */
export type RegionNamer = (code: string) => string | null;

function requestFacts(job: CheckJobView, regionName: RegionNamer): string {
  const r = job.request;
  const facts: [string, string][] = [
    ["Адрес", link(r.url)],
    ["Вид сайта", h(KIND_LABELS[r.kind])],
    ["Сфера", h(r.sphere ? SPHERE_NAMES[r.sphere] : "не указана")],
  ];
  if (r.region) {
    const name = regionName(r.region);
    facts.push(["Субъект", h(name ? `${r.region} — ${name}` : r.region)]);
  }
  facts.push(["Отправлена", h(formatDateTime(job.submittedAt))]);
  if (job.submissions > 1) facts.push(["Запросов на эту проверку", formatInt(job.submissions)]);
  return `<dl class="facts">${facts.map(([k, val]) => `<dt>${h(k)}</dt><dd>${val}</dd>`).join("")}</dl>`;
}

function permalink(job: CheckJobView, origin: string): string {
  const href = `${origin}/check/${encodeURIComponent(job.id)}`;
  return `<p class="small">Ссылка на эту проверку: <a href="${h(href)}">${h(href)}</a></p>`;
}

function progressPage(job: CheckJobView, origin: string, regionName: RegionNamer): string {
  const p = job.progress;
  const body = [
    `<h1>Проверка сайта</h1>`,
    requestFacts(job, regionName),
    `<section class="progress" data-check-id="${h(job.id)}" aria-live="polite">`,
    `<p>Состояние: <b data-field="state">${h(CHECK_STATE_LABELS[job.state])}</b></p>`,
    `<p data-when="queued"${job.state === "queued" ? "" : " hidden"}>Место в очереди: <b data-field="position">${job.position ?? "—"}</b></p>`,
    `<progress max="${p?.rules || 1}" value="${p?.decided ?? 0}"></progress>`,
    `<dl class="progress"><dt>Прочитано страниц</dt><dd data-field="pages">${p?.pages ?? 0}</dd><dt>Документов</dt><dd data-field="documents">${p?.documents ?? 0}</dd><dt>Ошибок загрузки</dt><dd data-field="errors">${p?.errors ?? 0}</dd><dt>Решено требований</dt><dd data-field="decided">${p ? `${p.decided} из ${p.rules}` : "—"}</dd><dt>Последняя страница</dt><dd data-field="lastUrl">${h(p?.lastUrl ?? "—")}</dd></dl>`,
    `</section>`,
    `<p class="small muted">Страница обновляется сама. Когда проверка закончится, здесь появятся результаты.</p>`,
    permalink(job, origin),
  ];
  return page({
    title: "Проверка выполняется",
    section: "check",
    body: body.join("\n"),
    refreshWithoutJs: 3,
    script: true,
  });
}

function failedPage(job: CheckJobView, origin: string, regionName: RegionNamer): string {
  const body = [
    `<h1>Проверка не выполнена</h1>`,
    requestFacts(job, regionName),
    `<p class="error">${h(job.error ?? "Проверка не выполнена.")}</p>`,
    `<p><a href="/check">Отправить адрес ещё раз</a></p>`,
    permalink(job, origin),
  ];
  return page({ title: "Проверка не выполнена", section: "check", body: body.join("\n") });
}

function resultPage(job: CheckJobView, run: RunResult, origin: string, regionName: RegionNamer): string {
  const site = run.sites[0];
  const counts = job.summary?.counts;
  const statusLine = counts
    ? (["pass", "warn", "fail", "unknown", "n/a"] as Status[])
        .filter((s) => counts[s] > 0)
        .map((s) => `${badge(s)} ${counts[s]}`)
        .join(" &nbsp; ")
    : "";
  const body = [
    `<h1>Результат проверки</h1>`,
    requestFacts(job, regionName),
    `<p class="meta">Требования оценены на ${h(formatDate(run.asOf))}; проверка завершена ${h(formatDateTime(job.finishedAt))}. Состояние сайта: <b>${h(site ? (SITE_STATUS_LABELS[site.status] ?? site.status) : "—")}</b>; оценка: <b>${site?.score ?? "—"}</b>${site?.score === null || !site ? "" : " из 100"}.</p>`,
    statusLine ? `<p>${statusLine}</p>` : "",
    runLinks(run.runId),
    ...run.sites.map((s, i) =>
      siteSection(run, s, {
        id: `site-${i + 1}`,
        heading: "h2",
        ...(s.region ? { regionName: regionName(s.region) ?? s.region } : {}),
      }),
    ),
    permalink(job, origin),
    `<p><a href="/check">Проверить другой сайт</a></p>`,
  ];
  return page({ title: "Результат проверки", section: "check", body: body.filter(Boolean).join("\n") });
}

/** The page of a check in any state; `run` is the stored result of a finished one (null if it went missing). */
export function checkJobPage(
  job: CheckJobView,
  run: RunResult | null,
  origin: string,
  regionName: RegionNamer = () => null,
): string {
  if (job.state === "queued" || job.state === "running") return progressPage(job, origin, regionName);
  if (job.state === "failed") return failedPage(job, origin, regionName);
  if (!run)
    return failedPage(
      { ...job, error: "Результат проверки не найден в хранилище снимков." },
      origin,
      regionName,
    );
  return resultPage(job, run, origin, regionName);
}
