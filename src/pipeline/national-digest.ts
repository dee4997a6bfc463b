/** The short plain-text digest `nok run` prints at the end: the ministry's own terms, the full detail is in the reports. */
import {
  formatRegionWithSpheres,
  MINISTRY_SPHERE_ORDER,
  type NationalSummaryExt,
  SPHERE_IN_PHRASES,
} from "../findings/index.ts";
import { coverageAside, coverageHeadline } from "../report/coverage-text.ts";
import { ruleFailureTitle } from "../report/labels.ts";
import type { RunResult } from "../types/index.ts";
import { plural } from "../util/ru.ts";

/** Regions named per rule in the terminal; the reports list them all. */
const MAX_LISTED = 8;

export function nationalDigest(run: RunResult): string {
  const out: string[] = [];
  const by = { ok: 0, partial: 0, unreachable: 0, blocked: 0 };
  let pages = 0;
  for (const s of run.sites) {
    by[s.status]++;
    pages += s.crawl.pages;
  }
  out.push(
    `Прогон ${run.runId} (${run.mode}), на дату ${run.asOf}: сайтов ${run.sites.length} — полностью ${by.ok}, с ошибками ${by.partial}, недоступно ${by.unreachable}, доступ запрещён ${by.blocked}; страниц ${pages}.`,
  );
  const national = run.national as NationalSummaryExt | null;
  if (national) {
    const nok = "authority/nok-section";
    // Spheres where the rule is not in force (sport after the pilot) would only read «в 0 субъектах».
    const spheres = MINISTRY_SPHERE_ORDER.filter((s) => {
      const c = national.bySphere[s]?.[nok];
      return c !== undefined && c.pass + c.warn + c.fail + c.unknown > 0;
    });
    if (spheres.length > 0) {
      out.push("Специальные разделы о независимой оценке качества есть на официальных сайтах:");
      for (const s of spheres) {
        const n = national.bySphere[s]?.[nok]?.pass ?? 0;
        out.push(`  ${SPHERE_IN_PHRASES[s]} — в ${n} ${plural(n, ["субъекте", "субъектах", "субъектах"])}`);
      }
    }
    for (const [rule, list] of Object.entries(national.failing ?? {})) {
      if (list.length === 0) continue;
      const shown = list.slice(0, MAX_LISTED).map((e) => formatRegionWithSpheres(e.name, e.spheres));
      const more =
        list.length > MAX_LISTED ? `; и ещё ${list.length - MAX_LISTED} (полный список — в отчёте)` : "";
      out.push(
        `${ruleFailureTitle(run, rule)} — ${list.length} ${plural(list.length, ["субъект", "субъекта", "субъектов"])}: ${shown.join("; ")}${more}.`,
      );
    }
  }
  // The ministry's target: every organisation assessed at least once in three years.
  const coverage = national?.coverage;
  if (coverage) {
    const aside = coverageAside(coverage.total);
    out.push(`${coverageHeadline(coverage.total)}${aside ? `; ${aside}` : ""}.`);
  }
  const changes = run.compare?.changes ?? [];
  if (run.compare) {
    const count = (c: string) => changes.filter((x) => x.change === c).length;
    out.push(
      `Изменения с прогона ${run.compare.runId}: новых нарушений ${count("new-gap")}, устранено ${count("fixed")}, по-прежнему нет ${count("still-missing")}, стало не проверить ${count("newly-unknown")}, новых сайтов ${new Set(changes.filter((x) => x.change === "new-site").map((x) => x.site)).size}.`,
    );
  }
  return out.join("\n");
}
