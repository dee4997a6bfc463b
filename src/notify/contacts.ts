/**
 * Notification addresses kept in the registry: `contacts:` on a region in registry/regions.yaml and on a site in a
 * YAML site list (a list, or one string with addresses separated by commas or semicolons). Read here, with line
 * numbers, so that a contact that is not an e-mail address is reported with file and line and the rest still load.
 */
import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from "yaml";
import { normalizeSiteUrl } from "../findings/diff.ts";
import { DEFAULT_REGIONS_FILE } from "../registry/regions.ts";

export interface ContactIssue {
  file: string;
  line: number | null;
  message: string;
}

export interface Contacts {
  /** Region code → addresses. */
  byRegion: Map<string, string[]>;
  /** Normalised site URL → addresses (see normalizeSiteUrl). */
  bySite: Map<string, string[]>;
  issues: ContactIssue[];
}

/** Deliberately plain: one @, a dot in the domain, no spaces or brackets — what SMTP servers accept in practice. */
const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/u;

export function isEmail(value: string): boolean {
  return EMAIL.test(value);
}

export interface LoadContactsOptions {
  regionsFile?: string;
  /** Site lists; only YAML files can carry contacts (CSV and XLSX lists are skipped). */
  registryFiles?: readonly string[];
}

export async function loadContacts(opts: LoadContactsOptions = {}): Promise<Contacts> {
  const out: Contacts = { byRegion: new Map(), bySite: new Map(), issues: [] };
  for (const file of [opts.regionsFile ?? DEFAULT_REGIONS_FILE, ...(opts.registryFiles ?? [])]) {
    if (![".yaml", ".yml"].includes(extname(file).toLowerCase())) continue;
    await readFileContacts(file, out);
  }
  return out;
}

/** A file's `regions:` list (entries with `code`) and `sites:` list (entries with `url`), whichever it has. */
async function readFileContacts(file: string, out: Contacts): Promise<void> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    out.issues.push({ file, line: null, message: `не удалось прочитать файл (${(err as Error).message})` });
    return;
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const lineOf = (node: unknown): number | null => {
    const range = (node as Node | null)?.range;
    return range ? lineCounter.linePos(range[0]).line : null;
  };
  if (doc.errors.length) return; // the registry loader reports syntax errors
  for (const listKey of ["regions", "sites"] as const) {
    const list = isMap(doc.contents) ? doc.contents.get(listKey, true) : null;
    if (isSeq(list)) readList(file, list.items, listKey, lineOf, out);
  }
}

function readList(
  file: string,
  items: unknown[],
  listKey: "regions" | "sites",
  lineOf: (node: unknown) => number | null,
  out: Contacts,
): void {
  for (const item of items) {
    if (!isMap(item)) continue;
    const node = item.get("contacts", true) as Node | undefined;
    if (node === undefined || node === null) continue;
    const values: { text: string; line: number | null }[] = [];
    if (isSeq(node)) {
      for (const v of node.items)
        values.push({ text: String(isScalar(v) ? (v.value ?? "") : ""), line: lineOf(v) });
    } else if (isScalar(node)) {
      for (const part of String(node.value ?? "").split(/[,;]/))
        values.push({ text: part, line: lineOf(node) });
    } else {
      out.issues.push({
        file,
        line: lineOf(node),
        message: "«contacts»: ожидается список адресов электронной почты",
      });
      continue;
    }
    const good: string[] = [];
    for (const v of values) {
      const address = v.text.trim();
      if (!address) continue;
      if (isEmail(address)) good.push(address);
      else
        out.issues.push({
          file,
          line: v.line,
          message: `контакт «${address}» — не адрес электронной почты; пропущен`,
        });
    }
    if (!good.length) continue;
    if (listKey === "regions") {
      const code = String(item.get("code") ?? "");
      if (code) add(out.byRegion, code, good);
    } else {
      const url = String(item.get("url") ?? "");
      if (url) add(out.bySite, normalizeSiteUrl(url), good);
    }
  }
}

function add(map: Map<string, string[]>, key: string, values: string[]): void {
  map.set(key, [...new Set([...(map.get(key) ?? []), ...values])]);
}
