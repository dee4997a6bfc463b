/** loadRegistry: read YAML/CSV/XLSX site lists, validate every row, report problems by file and row. */
import { extname } from "node:path";
import { dropDuplicates, type PlacedSite } from "./duplicates.ts";
import type { ReadResult } from "./raw-row.ts";
import { readCsv } from "./read-csv.ts";
import { readXlsx } from "./read-xlsx.ts";
import { readYaml } from "./read-yaml.ts";
import { createRegionLookup } from "./region-lookup.ts";
import { loadRegions } from "./regions.ts";
import type { RegionInfo, RegistryIssue, RegistrySite } from "./schema.ts";
import { validateRow } from "./validate-row.ts";

export type { RegistryIssue } from "./schema.ts";

export interface RegistryLoadResult {
  sites: RegistrySite[];
  /** Errors (the row was not loaded) and warnings (loaded, but look at it), in file order. */
  errors: RegistryIssue[];
}

const READERS: Record<string, (file: string) => Promise<ReadResult>> = {
  ".yaml": readYaml,
  ".yml": readYaml,
  ".csv": readCsv,
  ".txt": readCsv,
  ".xlsx": readXlsx,
};

function describe(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e?.code === "ENOENT") return "файл не найден";
  if (e?.code === "EACCES") return "нет доступа к файлу";
  if (e?.code === "EISDIR") return "это папка, а не файл";
  return e?.message ?? String(err);
}

async function readOne(file: string): Promise<ReadResult> {
  const ext = extname(file).toLowerCase();
  const reader = READERS[ext];
  const fail = (message: string): ReadResult => ({
    rows: [],
    issues: [{ file, line: null, row: null, message, severity: "error" }],
  });
  if (!reader) {
    const hint = ext === ".xls" ? " (сохраните книгу как .xlsx или CSV)" : "";
    return fail(`Неподдерживаемый формат «${ext || "без расширения"}»${hint}: нужен .yaml, .csv или .xlsx`);
  }
  try {
    return await reader(file);
  } catch (err) {
    return fail(`Не удалось прочитать файл: ${describe(err)}`);
  }
}

/**
 * Load site lists. A broken row is reported and skipped; a broken file is one error and the
 * other files still load. Duplicates are checked across all files together.
 */
export async function loadRegistry(files: string[], regions?: RegionInfo[]): Promise<RegistryLoadResult> {
  const lookup = createRegionLookup(regions ?? loadRegions());
  const errors: RegistryIssue[] = [];
  const placed: PlacedSite[] = [];
  for (const file of files) {
    const { rows, issues } = await readOne(file);
    errors.push(...issues);
    const yaml = /\.ya?ml$/i.test(file);
    for (const raw of rows) {
      const { site, issues: rowIssues } = validateRow(raw, lookup);
      errors.push(...rowIssues);
      if (site) placed.push({ site, file, row: raw.row, line: raw.line, yaml });
    }
  }
  const { kept, issues } = dropDuplicates(placed);
  errors.push(...issues);
  return { sites: kept.map((p) => p.site), errors: sortIssues(errors, files) };
}

/** File order as given, then by position, so a person reads the list top to bottom. */
function sortIssues(issues: RegistryIssue[], files: string[]): RegistryIssue[] {
  const order = (f: string) => files.indexOf(f);
  return issues
    .map((issue, index) => ({ issue, index }))
    .sort(
      (a, b) =>
        order(a.issue.file) - order(b.issue.file) ||
        (a.issue.row ?? a.issue.line ?? 0) - (b.issue.row ?? b.issue.line ?? 0) ||
        (a.issue.line ?? 0) - (b.issue.line ?? 0) ||
        a.index - b.index,
    )
    .map((x) => x.issue);
}
