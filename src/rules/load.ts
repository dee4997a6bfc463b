/**
 * Loading rule files: YAML (with line positions) → zod schema → each check type's `parse`.
 * Every problem is reported with its file and line; a broken file never stops the others.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type Document, LineCounter, parseDocument } from "yaml";
import { z } from "zod";
import type { RuleDef } from "../types/index.ts";
import { ParamError } from "./checks/params.ts";
import { parseCheck } from "./checks/registry.ts";
import { ruleFileSchema } from "./schema.ts";
import { expandVocabulary, VocabularyError } from "./vocabulary.ts";

export interface RuleFileError {
  file: string;
  line: number | null;
  message: string;
}

const KINDS = ["authority", "institution", "busgov"] as const;
const ru = z.locales.ru();

/** <repo>/rules, found from this file's location. */
export function defaultRulesDir(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), "../../rules");
}

/** All rule files under a rules directory: <dir>/<kind>/*.yaml (or a kind folder itself). */
export function listRuleFiles(dir: string = defaultRulesDir()): string[] {
  if (!existsSync(dir)) return [];
  const files: string[] = [];
  const yamlIn = (d: string) =>
    readdirSync(d)
      .filter((f) => /\.ya?ml$/i.test(f) && !f.startsWith("_"))
      .sort()
      .map((f) => join(d, f));
  if ((KINDS as readonly string[]).includes(basename(dir))) return yamlIn(dir);
  for (const kind of KINDS) {
    const sub = join(dir, kind);
    if (existsSync(sub) && statSync(sub).isDirectory()) files.push(...yamlIn(sub));
  }
  return files;
}

/** Loads every rule file; valid rules are returned even when others are broken. */
export function loadRules(dir?: string): { rules: RuleDef[]; errors: RuleFileError[] } {
  const root = dir ?? defaultRulesDir();
  const rules: RuleDef[] = [];
  const errors: RuleFileError[] = [];
  if (!existsSync(root)) {
    errors.push({ file: root, line: null, message: "каталог правил не найден" });
    return { rules, errors };
  }
  const seen = new Map<string, string>();
  for (const file of listRuleFiles(root)) {
    const r = loadRuleFile(file);
    errors.push(...r.errors);
    if (!r.rule) continue;
    const dup = seen.get(r.rule.id);
    if (dup) {
      errors.push({ file, line: r.idLine, message: `правило ${r.rule.id} уже определено в ${dup}` });
      continue;
    }
    seen.set(r.rule.id, file);
    rules.push(r.rule);
  }
  return { rules, errors };
}

export interface LoadedFile {
  rule: RuleDef | null;
  errors: RuleFileError[];
  idLine: number | null;
  /** The line of a path in the file (1-based), for later messages about the same file. */
  lineOf: (path: readonly PropertyKey[]) => number | null;
}

export function loadRuleFile(file: string): LoadedFile {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    return {
      rule: null,
      errors: [{ file, line: null, message: `не удалось прочитать файл: ${(e as Error).message}` }],
      idLine: null,
      lineOf: () => null,
    };
  }
  return parseRuleText(file, text);
}

/** Parses one rule file's text (the file name decides the expected id). */
export function parseRuleText(file: string, text: string): LoadedFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const errors: RuleFileError[] = [];
  for (const e of doc.errors) {
    const line = e.linePos?.[0]?.line ?? (e.pos ? lineCounter.linePos(e.pos[0]).line : null);
    errors.push({ file, line, message: `ошибка YAML: ${e.message.split("\n")[0]}` });
  }
  const lineOf = (path: readonly PropertyKey[]) => lineAt(doc, lineCounter, path);
  if (errors.length) return { rule: null, errors, idLine: null, lineOf };
  let data: unknown;
  try {
    // «vocabulary:other-bodies/councils» stands for the shared list (rules/vocabulary/).
    data = expandVocabulary(doc.toJS());
  } catch (e) {
    if (!(e instanceof VocabularyError)) throw e;
    return { rule: null, errors: [{ file, line: null, message: e.message }], idLine: null, lineOf };
  }
  const idLine = lineOf(["id"]);
  const parsed = ruleFileSchema.safeParse(data, { error: ru.localeError });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.filter((p) => typeof p !== "symbol");
      errors.push({
        file,
        line: lineOf(path),
        message: `${path.length ? `${path.join(".")}: ` : ""}${issue.message}`,
      });
    }
    return { rule: null, errors, idLine, lineOf };
  }
  const r = parsed.data;
  const folder = basename(dirname(file));
  const name = basename(file).replace(/\.ya?ml$/i, "");
  const kind = (KINDS as readonly string[]).includes(folder) ? folder : r.appliesTo.kind;
  const expected = `${kind}/${name}`;
  if (r.id !== expected)
    errors.push({
      file,
      line: idLine,
      message: `id должен быть «${expected}» (папка/имя файла), а не «${r.id}»`,
    });
  if (r.appliesTo.kind !== r.id.split("/")[0])
    errors.push({
      file,
      line: lineOf(["appliesTo", "kind"]),
      message: `appliesTo.kind «${r.appliesTo.kind}» не совпадает с видом в id`,
    });
  try {
    parseCheck(r.check as Record<string, unknown>);
  } catch (e) {
    if (e instanceof ParamError) {
      for (const i of e.issues)
        errors.push({
          file,
          line: lineOf(["check", ...i.path]),
          message: `check${i.path.length ? `.${i.path.join(".")}` : ""}: ${i.message}`,
        });
    } else errors.push({ file, line: lineOf(["check"]), message: `check: ${(e as Error).message}` });
  }
  if (errors.length) return { rule: null, errors, idLine, lineOf };
  const rule = { ...(r as unknown as RuleDef), file };
  return { rule, errors, idLine, lineOf };
}

/** The line of the deepest existing node on a path (1-based), or null; a missing key points at its map. */
function lineAt(doc: Document, lc: LineCounter, path: readonly PropertyKey[]): number | null {
  for (let n = path.length; n >= 0; n--) {
    const sub = path.slice(0, n) as unknown[];
    const node = n === 0 ? doc.contents : doc.getIn(sub, true);
    if (
      node &&
      typeof node === "object" &&
      "range" in node &&
      Array.isArray((node as { range?: unknown }).range)
    ) {
      const range = (node as { range: [number, number, number] }).range;
      return lc.linePos(range[0]).line;
    }
  }
  return null;
}
