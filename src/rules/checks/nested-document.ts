/**
 * `nested-document`: find a document (the council regulation, or the order approving or amending
 * it) and decide on what **its own text** says (does it give the council NOK powers?).
 * Found and readable but silent → `fail` with the document as evidence (even before full coverage);
 * found but unreadable (scan, extraction error, not fetched) → `unknown`; not found → absence.
 */
import { z } from "zod";
import { excerptAround } from "../../extract/russian/index.ts";
import type { CheckType, Evidence } from "../../types/index.ts";
import { bodyIndex, describeHit, evidenceOf, opaqueNote, opaqueUnreadable } from "../match.ts";
import { nokContext, nokMentions } from "../nok.ts";
import type { Item, SiteModel } from "../site-model.ts";
import type { CompiledPhrase } from "../text.ts";
import { clip, hasAny, indexOf, type TokenIndex } from "../text.ts";
import {
  type Candidate,
  type DocumentParams,
  findCandidates,
  firstRejections,
  parseDocumentParams,
  unreadOutcome,
} from "./document.ts";
import { checkPhrases, compiled, optionalPhrases, ParamError, parseWith } from "./params.ts";

const schema = z
  .object({
    /** How the sought document is found: the parameters of a `document` check. */
    find: z.record(z.string(), z.unknown()),
    /** What its text must say, in Russian, for messages: «полномочия по независимой оценке качества». */
    requireWhat: z.string().trim().min(1),
    /** The text must carry NOK wording (nok.ts: НОКО and «оценка квалификации» do not count)… */
    requireContext: z.enum(["nok"]).optional(),
    /** …or one of these phrases. */
    requirePhrases: optionalPhrases,
    /** A shorter text is a page about the document, not the document itself. */
    minTextChars: z.number().int().min(50).max(20_000).default(400),
  })
  .strict()
  .refine((p) => p.requireContext !== undefined || p.requirePhrases !== undefined, {
    message: "укажите requireContext или requirePhrases",
  });

export type NestedParams = Omit<z.output<typeof schema>, "find"> & {
  find: DocumentParams;
  require: CompiledPhrase[];
};

type Reading =
  | { kind: "has"; cand: Candidate; evidence: Evidence }
  | { kind: "lacks"; cand: Candidate; evidence: Evidence }
  | { kind: "unreadable"; cand: Candidate; reason: string }
  | { kind: "container"; cand: Candidate };

export const nestedDocumentCheck: CheckType<NestedParams> = {
  name: "nested-document",
  parse(params) {
    const p = parseWith(schema, params);
    let find: DocumentParams;
    try {
      find = parseDocumentParams(p.find);
    } catch (e) {
      if (e instanceof ParamError)
        throw new ParamError(e.issues.map((i) => ({ ...i, path: ["find", ...i.path] })));
      throw e;
    }
    checkPhrases(p.requirePhrases, "requirePhrases");
    return { ...p, find, require: compiled(p.requirePhrases) };
  },
  evaluate(site, p, ctx) {
    const { model, candidates, rejected, unreadable: unreadLinks } = findCandidates(site, p.find, ctx);
    const what = p.find.what;
    if (candidates.length === 0) {
      const details = rejected.length ? { rejected: firstRejections(rejected) } : {};
      if (unreadLinks.length) return unreadOutcome(what, unreadLinks, details);
      const opaque = opaqueUnreadable(model, ctx.sphere);
      if (opaque.length)
        return {
          status: "unknown",
          message: `Не найдено среди прочитанного: ${what}. ${opaqueNote(opaque)}`,
          evidence: [],
          details: { ...details, unreadable: opaque.slice(0, 5).map((i) => i.url) },
        };
      return { status: "fail", message: `Не найдено: ${what}.`, evidence: [], details };
    }
    const readings = candidates.map((c) => read(model, c, p, ctx.sphere));
    const has = readings.filter((r) => r.kind === "has");
    if (has.length > 0) {
      const r = has[0]!;
      return {
        status: "pass",
        message: `${cap(what)} (${describeHit(r.cand.hits[0]!)}) содержит ${p.requireWhat}.`,
        evidence: has.slice(0, 3).map((h) => h.evidence),
        details: { found: candidates.length },
      };
    }
    const lacks = readings.filter((r) => r.kind === "lacks");
    if (lacks.length > 0) {
      const r = lacks[0]!;
      const others = unreadableNote(readings);
      return {
        status: "fail",
        message: `${cap(what)} найдено (${describeHit(r.cand.hits[0]!)}), но в его тексте нет: ${p.requireWhat}.${others}`,
        evidence: lacks.slice(0, 3).map((h) => h.evidence),
        details: { found: candidates.length, readWithout: lacks.length },
      };
    }
    const unreadable = readings.filter((r) => r.kind === "unreadable");
    const first = unreadable[0] ?? readings[0]!;
    const reason = unreadable.length
      ? unreadable.map((u) => u.reason).join("; ")
      : "найдена только страница о документе, без его текста";
    return {
      status: "unknown",
      message: `${cap(what)} найдено (${describeHit(first.cand.hits[0]!)}), но его текст не удалось прочитать: ${reason}.`,
      evidence: readings.slice(0, 3).map((r) => evidenceOf(r.cand.hits[0]!)),
      details: { found: candidates.length, unreadable: unreadable.length },
    };
  },
  cues(p) {
    return { phrases: p.find.phrases, urlFragments: p.find.urlFragments ?? [] };
  },
};

function cap(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}

function unreadableNote(readings: Reading[]): string {
  const n = readings.filter((r) => r.kind === "unreadable").length;
  return n ? ` Ещё документов, текст которых прочитать не удалось: ${n}.` : "";
}

/** What the document's own words say: its name (title, opening, link text, card title) and its text. */
function read(
  model: SiteModel,
  cand: Candidate,
  p: NestedParams,
  sphere: Parameters<typeof nokContext>[1],
): Reading {
  const item = cand.item;
  // What a document says comes from its own text: a link that names it is not its text (the file may be
  // a 404, a scan or something else entirely).
  if (!item.page) return { kind: "unreadable", cand, reason: "документ по ссылке не загружен" };
  const own = ownNameIndexes(item);
  const body = bodyIndex(model, item);
  const indexes: TokenIndex[] = body ? [...own, body] : own;
  const found = findRequired(indexes, p, sphere);
  if (found) return { kind: "has", cand, evidence: { ...evidenceOf(cand.hits[0]!), excerpt: found } };
  const doc = item.page.artifacts.document;
  if (doc?.scanned) return { kind: "unreadable", cand, reason: "скан без текстового слоя" };
  if (doc?.error) return { kind: "unreadable", cand, reason: `ошибка чтения (${clip(doc.error, 80)})` };
  const length = body?.text.trim().length ?? 0;
  if (length < p.minTextChars) {
    if (item.isDocument) return { kind: "unreadable", cand, reason: "в файле почти нет текста" };
    return { kind: "container", cand };
  }
  if (doc?.truncated) return { kind: "unreadable", cand, reason: "текст прочитан не полностью" };
  const opening = clip(body?.text ?? "", 220);
  return { kind: "lacks", cand, evidence: { ...evidenceOf(cand.hits[0]!), excerpt: opening } };
}

/** The names a read document gives itself (title, headings, opening, document heads) — never a link's words. */
function ownNameIndexes(item: Item): TokenIndex[] {
  const out: TokenIndex[] = [];
  for (const l of item.labels) {
    // A page lends a file its name, not its powers; a link names a target it has not read.
    if (l.source !== "link" && l.source !== "parent") out.push(indexOf(l.text));
  }
  return out;
}

function findRequired(
  indexes: TokenIndex[],
  p: NestedParams,
  sphere: Parameters<typeof nokContext>[1],
): string | null {
  if (p.requireContext === "nok" && nokContext(indexes, sphere)) {
    for (const idx of indexes) {
      const m = nokMentions(idx)[0];
      if (m) return excerptAround(idx.text, m.match.start, m.match.end, 110);
    }
  }
  if (p.require.length) {
    for (const idx of indexes) if (hasAny(idx, p.require, 2)) return clip(idx.text, 220);
  }
  return null;
}
