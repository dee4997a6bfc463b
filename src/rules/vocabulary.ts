/**
 * The shared vocabularies in `rules/vocabulary/<file>.yaml`: named lists of Russian phrases the engine
 * reads (NOK wording, navigation words, sphere words) and rule files reference instead of copying a
 * list («unrelatedPhrases: vocabulary:other-bodies/councils»). Read once per process, synchronously:
 * the engine compiles them when its modules load.
 */
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { LineCounter, parseDocument } from "yaml";

const DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../../rules/vocabulary");
const files = new Map<string, Map<string, string[]>>();

export class VocabularyError extends Error {}

function load(file: string): Map<string, string[]> {
  const hit = files.get(file);
  if (hit) return hit;
  if (!/^[a-z][a-z0-9-]*$/.test(file)) throw new VocabularyError(`словарь «${file}»: недопустимое имя`);
  const path = `${DIR}/${file}.yaml`;
  const shown = `rules/vocabulary/${file}.yaml`;
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new VocabularyError(`${shown}: не удалось прочитать файл (${(e as Error).message})`);
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const err = doc.errors[0];
  if (err) {
    const line = err.linePos?.[0]?.line ?? (err.pos ? lineCounter.linePos(err.pos[0]).line : "?");
    throw new VocabularyError(`${shown}:${line}: ошибка YAML: ${err.message.split("\n")[0]}`);
  }
  const data = doc.toJS() as unknown;
  const out = new Map<string, string[]>();
  if (!data || typeof data !== "object" || Array.isArray(data))
    throw new VocabularyError(`${shown}: ожидаются именованные списки фраз («имя: [фраза, …]»)`);
  for (const [name, list] of Object.entries(data as Record<string, unknown>)) {
    if (!Array.isArray(list) || list.length === 0 || !list.every((x) => typeof x === "string" && x.trim()))
      throw new VocabularyError(`${shown}: «${name}» должен быть непустым списком фраз`);
    out.set(name, list as string[]);
  }
  files.set(file, out);
  return out;
}

/** One named list of a vocabulary file; a missing file or list is an error naming both. */
export function vocabulary(file: string, list: string): string[] {
  const lists = load(file);
  const found = lists.get(list);
  if (!found)
    throw new VocabularyError(
      `rules/vocabulary/${file}.yaml: нет списка «${list}» (есть: ${[...lists.keys()].join(", ")})`,
    );
  return found;
}

const REF = /^vocabulary:([a-z][a-z0-9-]*)\/([a-z][a-z0-9-]*)$/;

/**
 * A rule's check parameters with every «vocabulary:file/list» string replaced by that list (inside a
 * phrase list, its items are spliced in).
 */
export function expandVocabulary(value: unknown): unknown {
  if (typeof value === "string") {
    const m = REF.exec(value);
    return m ? [...vocabulary(m[1]!, m[2]!)] : value;
  }
  if (Array.isArray(value))
    return value.flatMap((v) => {
      const m = typeof v === "string" ? REF.exec(v) : null;
      return m ? vocabulary(m[1]!, m[2]!) : [expandVocabulary(v)];
    });
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, expandVocabulary(v)]));
  return value;
}
