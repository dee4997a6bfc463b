/**
 * `nok registry import-busgov`: bus.gov.ru open data («Общая информация об учреждениях») → an
 * institution registry `nok run` reads. Streams every source, judges each position on its own (a bad
 * one is reported with file and line and the import goes on), writes rows as they come. Memory holds
 * the position being read plus one key per institution written (to drop repeated versions).
 */
import type { Sphere } from "../../types/common.ts";
import { UsageError } from "../../util/errors.ts";
import { createRegionLookup } from "../region-lookup.ts";
import { loadRegions } from "../regions.ts";
import type { RegionInfo } from "../schema.ts";
import { JsonFileError } from "./json-positions.ts";
import { createRegistryWriter } from "./registry-writer.ts";
import { expandSources } from "./sources.ts";
import { positionOutcome } from "./to-site.ts";

export interface ImportIssue {
  /** "archive.zip/part-1.xml". */
  file: string;
  /** XML line of the position; for JSON, the item's number; null for a whole-file problem. */
  line: number | null;
  /** True when `line` is an item number of a JSON page. */
  item?: boolean;
  message: string;
}

export interface BusgovImportOptions {
  inputs: string[];
  out: string;
  /** Region codes to keep (empty: all). */
  regions?: string[];
  spheres?: Sphere[];
  regionsInfo?: RegionInfo[];
  /** Called for every bad position or file, as it is met (the import never stops on one). */
  onIssue?: (issue: ImportIssue) => void;
  /** Called every `progressEvery` positions. */
  onProgress?: (positions: number) => void;
  progressEvery?: number;
  /** Reference date written in the file header (tests pin it). */
  today?: string;
}

export interface BusgovImportSummary {
  out: string;
  sources: number;
  positions: number;
  /** Rows under `sites:`. */
  withSite: number;
  /** Rows under `withoutSite:`. */
  withoutSite: number;
  duplicates: number;
  errors: number;
  skipped: { outside: number; ambiguous: number; none: number; filtered: number };
  bySphere: Record<string, number>;
  /** How the sphere was decided, for the kept rows. */
  sphereBy: { "okved-main": number; okved: number; founder: number };
}

export async function importBusgov(o: BusgovImportOptions): Promise<BusgovImportSummary> {
  const lookup = createRegionLookup(o.regionsInfo ?? loadRegions());
  const filters = { regions: new Set(o.regions ?? []), spheres: new Set<string>(o.spheres ?? []) };
  const { sources, problems } = await expandSources(o.inputs);
  // Nothing readable at all is a usage error: no empty registry is written over a good one.
  if (sources.length === 0)
    throw new UsageError(
      problems.length > 0
        ? problems.map((p) => `${p.name}: ${p.message}`).join("\n")
        : "в указанных файлах и папках нет данных (.zip, .xml, .json)",
    );
  const s: BusgovImportSummary = {
    out: o.out,
    sources: sources.length,
    positions: 0,
    withSite: 0,
    withoutSite: 0,
    duplicates: 0,
    errors: 0,
    skipped: { outside: 0, ambiguous: 0, none: 0, filtered: 0 },
    bySphere: {},
    sphereBy: { "okved-main": 0, okved: 0, founder: 0 },
  };
  const issue = (i: ImportIssue) => {
    s.errors++;
    o.onIssue?.(i);
  };
  for (const p of problems) issue({ file: p.name, line: null, message: p.message });

  const today = o.today ?? new Date().toISOString().slice(0, 10);
  const writer = await createRegistryWriter(o.out, [
    "Реестр учреждений, собранный командой nok registry import-busgov",
    `из открытых данных bus.gov.ru «Общая информация об учреждениях» (${today}).`,
    `Источники: ${o.inputs.join(", ")}`,
    "Сфера — по основному ОКВЭД (85 образование, 86 здравоохранение, 87–88 социальное обслуживание,",
    "90–91 культура), иначе по дополнительным ОКВЭД, а без ОКВЭД — по типу учреждения и учредителю.",
    "Регион — по коду субъекта в адресе (subject.code). Сайт — из поля www.",
  ]);
  const seen = new Set<string>();
  const every = o.progressEvery ?? 10_000;
  try {
    for (const source of sources) {
      try {
        for await (const p of source.positions()) {
          s.positions++;
          if (s.positions % every === 0) o.onProgress?.(s.positions);
          const outcome = positionOutcome(p, lookup, filters);
          if (outcome.kind === "error") {
            issue({
              file: p.source,
              line: p.line,
              ...(p.json ? { item: true } : {}),
              message: outcome.message,
            });
            continue;
          }
          if (outcome.kind === "skip") {
            const key = outcome.reason === "filtered" ? "filtered" : outcome.reason.slice("sphere-".length);
            s.skipped[key as keyof BusgovImportSummary["skipped"]]++;
            continue;
          }
          const i = outcome.institution;
          const key = `${i.inn}/${i.kpp ?? ""}`;
          if (seen.has(key)) {
            s.duplicates++;
            continue;
          }
          seen.add(key);
          await writer.add(i);
          if (i.url) s.withSite++;
          else s.withoutSite++;
          s.bySphere[i.sphere] = (s.bySphere[i.sphere] ?? 0) + 1;
          s.sphereBy[i.sphereBy]++;
        }
      } catch (err) {
        const known = err instanceof JsonFileError;
        issue({
          file: source.name,
          line: null,
          message: known ? (err as Error).message : `не удалось прочитать: ${(err as Error).message}`,
        });
      }
    }
    await writer.finish([
      `Итого: позиций ${s.positions}; в реестре с сайтом ${s.withSite}, без сайта ${s.withoutSite};`,
      `ошибок ${s.errors}; повторов ${s.duplicates}; вне четырёх сфер ${s.skipped.outside + s.skipped.ambiguous + s.skipped.none}; отсеяно фильтрами ${s.skipped.filtered}.`,
    ]);
  } catch (err) {
    await writer.abort();
    throw err;
  }
  return s;
}
