/**
 * The real-modelled corpus (test/corpus/): fixtures modelled on real public pages, each with the
 * URL of the page it follows and the rules a clerk would say it evidences. Loading validates every
 * entry and names the file and entry of each error, so a broken fixture never silently drops out.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parse } from "yaml";
import { z } from "zod";

const ruleId = z
  .string()
  .regex(/^(authority|institution)\/[a-z-]+$/, "правило вида authority/… или institution/…");
const fileRef = z.object({ file: z.string().min(1), format: z.enum(["pdf", "docx"]) }).strict();

export const entrySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    source: z.string().url(),
    seen: z.union([z.string(), z.date()]).optional(),
    kind: z.enum(["authority", "institution"]),
    sphere: z.enum(["social", "health", "culture", "education", "sport"]).nullable().optional(),
    shape: z.string().optional(),
    linkText: z.string().min(1),
    page: z.string().min(1).optional(),
    document: fileRef.optional(),
    attachments: z.record(z.string(), fileRef).optional(),
    docDate: z.union([z.string(), z.date()]).optional(),
    positive: z.array(ruleId).default([]),
    ignore: z.array(ruleId).default([]),
    trap: z.array(ruleId).default([]),
    note: z.string().optional(),
  })
  .strict()
  .refine((e) => Boolean(e.page) !== Boolean(e.document), { message: "нужно ровно одно из page и document" });

export type CorpusEntry = z.output<typeof entrySchema> & { group: string; dir: string };

export interface CorpusLoad {
  entries: CorpusEntry[];
  errors: string[];
}

export const CORPUS_DIR = resolve(import.meta.dirname, "..", "test", "corpus");

/** Loads every group listed in the corpus manifest; bad entries are reported and skipped. */
export function loadCorpus(dir = CORPUS_DIR): CorpusLoad {
  const top = parse(readFileSync(join(dir, "manifest.yaml"), "utf8")) as { groups?: string[] };
  const entries: CorpusEntry[] = [];
  const errors: string[] = [];
  const ids = new Set<string>();
  for (const group of top.groups ?? []) {
    const file = join(dir, group, "manifest.yaml");
    if (!existsSync(file)) {
      errors.push(`${file}: нет файла`);
      continue;
    }
    let raw: unknown;
    try {
      raw = parse(readFileSync(file, "utf8"));
    } catch (err) {
      errors.push(`${file}: ${(err as Error).message}`);
      continue;
    }
    if (!Array.isArray(raw)) {
      errors.push(`${file}: ожидается список записей`);
      continue;
    }
    raw.forEach((item, i) => {
      const where = `${file}: запись ${i + 1}${item && typeof item === "object" && "id" in item ? ` (${String(item.id)})` : ""}`;
      const r = entrySchema.safeParse(item);
      if (!r.success) {
        errors.push(`${where}: ${r.error.issues.map((x) => `${x.path.join(".")} ${x.message}`).join("; ")}`);
        return;
      }
      const e = { ...r.data, group, dir: dirname(file) };
      if (ids.has(e.id)) {
        errors.push(`${where}: повтор id`);
        return;
      }
      const missing = referencedFiles(e).filter((f) => !existsSync(join(e.dir, f)));
      if (missing.length) {
        errors.push(`${where}: нет файлов ${missing.join(", ")}`);
        return;
      }
      ids.add(e.id);
      entries.push(e);
    });
  }
  return { entries, errors };
}

export function referencedFiles(e: CorpusEntry): string[] {
  return [
    ...(e.page ? [e.page] : []),
    ...(e.document ? [e.document.file] : []),
    ...Object.values(e.attachments ?? {}).map((a) => a.file),
  ];
}
