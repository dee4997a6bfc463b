/** Russian wording of the 3-year coverage audit, shared by the HTML and Markdown reports. */
import type { CoverageAudit, CoverageCount, CoverageGap } from "../findings/coverage-audit.ts";
import { SPHERE_NAMES } from "../findings/sphere-names.ts";
import { formatInt } from "./format.ts";
import type { ReportModel } from "./model.ts";

/** Whole percent; never rounds up to 100 % while someone is not covered. */
export function coveragePercent(c: CoverageCount): string {
  if (c.share === null) return "—";
  const decided = c.covered + c.notCovered;
  const pct = c.covered === decided ? 100 : Math.min(99, Math.round(c.share * 100));
  return `${pct}%`;
}

/** «Охват независимой оценкой за 3 года: 87% (412 из 474)». */
export function coverageHeadline(c: CoverageCount): string {
  const decided = c.covered + c.notCovered;
  if (decided === 0)
    return "Охват независимой оценкой за 3 года: не установлен (нет проверенных организаций)";
  return `Охват независимой оценкой за 3 года: ${coveragePercent(c)} (${formatInt(c.covered)} из ${formatInt(decided)})`;
}

/** What the share leaves out, said so the reader never takes it for «not covered». */
export function coverageAside(c: CoverageCount): string {
  const parts: string[] = [];
  if (c.unknown)
    parts.push(`не удалось проверить на bus.gov.ru — ${formatInt(c.unknown)} (в долю не входят)`);
  if (c.notChecked)
    parts.push(`без ИНН и идентификатора bus.gov.ru в реестре, не проверялись — ${formatInt(c.notChecked)}`);
  return parts.join("; ");
}

export function coverageWindow(a: CoverageAudit): string {
  return `Учтены результаты независимой оценки качества на bus.gov.ru за ${a.fromYear}–${a.toYear} годы (оценка проводится не реже одного раза в три года).`;
}

export function gapReason(g: CoverageGap): string {
  return g.latestYear === null
    ? "нет результатов на bus.gov.ru"
    : `последние результаты — за ${g.latestYear} год`;
}

/** Where an uncovered institution is: its region (in the national list) and sphere. */
export function gapWhere(model: ReportModel, g: CoverageGap, withRegion: boolean): string {
  return [withRegion ? model.regionName(g.region) : "", g.sphere ? SPHERE_NAMES[g.sphere] : ""]
    .filter(Boolean)
    .join(", ");
}
