/**
 * A rule's examples as small sites: HTML through the real extractor, document text as `PageArtifacts`
 * of its kind; depth, referrer and anchor text from the links between the example's pages.
 */
import { createHash } from "node:crypto";
import { extractHtml } from "../extract/html.ts";
import { extractArtifacts } from "../extract/index.ts";
import type {
  ContentKind,
  Finding,
  PageArtifacts,
  RuleDef,
  RuleExample,
  SitePage,
  SiteView,
  Sphere,
  Status,
} from "../types/index.ts";
import { SPHERES } from "../types/index.ts";
import { evaluateRule } from "./engine.ts";
import type { ExampleDef, ExamplePageDef } from "./schema.ts";
import { urlKey } from "./site-model.ts";

export const DEFAULT_EXAMPLE_AS_OF = "2026-03-01";
const DEFAULT_URL = "https://minsoc.example.gov.ru/";

export interface SitePageInput {
  url: string;
  html?: string;
  text?: string;
  kind?: string;
  linkText?: string;
  scanned?: boolean;
  error?: string;
}

function inputKind(p: SitePageInput): ContentKind {
  return (p.kind ?? (p.html !== undefined ? "html" : "pdf")) as ContentKind;
}

function inputHtml(p: SitePageInput): string {
  return p.html ?? `<html><body><p>${escapeHtml(p.text ?? "")}</p></body></html>`;
}

/** Artifacts of one example page: HTML via extractArtifacts, documents from their text. */
export async function pageArtifacts(p: SitePageInput): Promise<PageArtifacts> {
  if (inputKind(p) === "html") {
    const body = new TextEncoder().encode(inputHtml(p));
    return extractArtifacts({
      url: p.url,
      finalUrl: p.url,
      contentKind: "html",
      headers: { "content-type": "text/html; charset=utf-8" },
      body,
    });
  }
  return documentArtifacts(p);
}

/**
 * The same synchronously (the HTML extractor itself is synchronous): `nok rules validate` runs
 * examples without a promise chain. A test keeps both paths in agreement.
 */
export function pageArtifactsSync(p: SitePageInput): PageArtifacts {
  if (inputKind(p) === "html") return { kind: "html", ...extractHtml(inputHtml(p), p.url, p.url) };
  return documentArtifacts(p);
}

function documentArtifacts(p: SitePageInput): PageArtifacts {
  const kind = inputKind(p);
  const text = (p.text ?? "").replace(/\s+/g, " ").trim();
  const scanned = p.scanned ?? (text.length === 0 && !p.error);
  return {
    url: p.url,
    finalUrl: p.url,
    kind,
    title: "",
    text,
    mainText: text,
    navText: "",
    headings: [],
    links: [],
    dates: [],
    contacts: { phones: [], emails: [], telLinks: [], mailtoLinks: [] },
    forms: [],
    microdata: {},
    document: { pages: 1, ...(scanned ? { scanned: true } : {}), ...(p.error ? { error: p.error } : {}) },
  };
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;"));
}

/**
 * A SiteView from pages: the first page is the start (depth 0); others get depth, referrer and
 * anchor text from the first page (breadth-first) that links to them.
 */
export async function buildSite(
  inputs: SitePageInput[],
  coverage: { adequate: boolean; reason?: string | null } = { adequate: true },
): Promise<SiteView> {
  return assemble(inputs, await Promise.all(inputs.map(pageArtifacts)), coverage);
}

export function buildSiteSync(
  inputs: SitePageInput[],
  coverage: { adequate: boolean; reason?: string | null } = { adequate: true },
): SiteView {
  return assemble(inputs, inputs.map(pageArtifactsSync), coverage);
}

function assemble(
  inputs: SitePageInput[],
  arts: PageArtifacts[],
  coverage: { adequate: boolean; reason?: string | null },
): SiteView {
  const byKey = new Map<string, number>();
  arts.forEach((a, i) => {
    byKey.set(urlKey(a.url), i);
  });
  const depth: (number | null)[] = arts.map((_, i) => (i === 0 ? 0 : null));
  const referrer: (string | null)[] = arts.map(() => null);
  const linkText: (string | null)[] = inputs.map((p) => p.linkText ?? null);
  const queue = [0];
  while (queue.length) {
    const i = queue.shift()!;
    for (const l of arts[i]!.links) {
      const j = byKey.get(urlKey(l.url));
      if (j === undefined || depth[j] !== null) continue;
      depth[j] = depth[i]! + 1;
      referrer[j] = arts[i]!.url;
      linkText[j] ??= l.text || null;
      queue.push(j);
    }
  }
  const pages: SitePage[] = arts.map((a, i) => ({
    artifacts: a,
    snapshot: `sha256:${createHash("sha256")
      .update(inputs[i]!.html ?? inputs[i]!.text ?? a.url)
      .digest("hex")}`,
    depth: depth[i] ?? 1,
    linkText: linkText[i] ?? null,
    referrer: referrer[i] ?? null,
  }));
  const documents = pages.filter((p) => p.artifacts.kind !== "html").length;
  const unreadable = pages.filter((p) => p.artifacts.document?.scanned || p.artifacts.document?.error).length;
  return {
    startUrl: inputs[0]?.url ?? DEFAULT_URL,
    pages,
    coverage: {
      pages: pages.length,
      documents,
      adequate: coverage.adequate,
      reason: coverage.adequate ? null : (coverage.reason ?? "исчерпан лимит обхода"),
      unreadableDocuments: unreadable,
    },
  };
}

type Example = RuleExample &
  Partial<Pick<ExampleDef, "sphere" | "coverage" | "data">> & { pages?: ExamplePageDef[] };

export function exampleInputs(example: Example): SitePageInput[] {
  if (example.pages?.length) return example.pages as SitePageInput[];
  const url = example.url ?? DEFAULT_URL;
  if (example.html !== undefined) return [{ url, html: example.html }];
  return [{ url, html: `<html><body><p>${escapeHtml(example.text ?? "")}</p></body></html>` }];
}

/** The sphere an example runs in: its own, else the rule's first sphere outside the sport pilot. */
export function exampleSphere(rule: RuleDef, example: Example): Sphere | null {
  if (example.sphere !== undefined) return example.sphere as Sphere | null;
  const spheres = rule.appliesTo.spheres ?? SPHERES;
  return spheres.find((s) => s !== "sport") ?? spheres[0] ?? null;
}

export interface ExampleRun {
  list: "pass" | "fail";
  index: number;
  expected: Status;
  finding: Finding;
  ok: boolean;
  note?: string;
}

/** Runs every example of a rule through the engine (pages extracted by extractArtifacts). */
export async function runExamples(rule: RuleDef): Promise<ExampleRun[]> {
  const out: ExampleRun[] = [];
  for (const [list, index, example] of examplesOf(rule)) {
    const site = await buildSite(exampleInputs(example), example.coverage ?? { adequate: true });
    out.push(judgeExample(rule, list, index, example, withData(site, example)));
  }
  return out;
}

/** The same, synchronously. */
export function runExamplesSync(rule: RuleDef): ExampleRun[] {
  return examplesOf(rule).map(([list, index, example]) =>
    judgeExample(
      rule,
      list,
      index,
      example,
      withData(buildSiteSync(exampleInputs(example), example.coverage ?? { adequate: true }), example),
    ),
  );
}

/** An example's `data` (facts from other sources, e.g. bus.gov.ru answers) goes to `SiteView.data`. */
function withData(site: SiteView, example: Example): SiteView {
  return example.data ? { ...site, data: example.data } : site;
}

function examplesOf(rule: RuleDef): ["pass" | "fail", number, Example][] {
  return (["pass", "fail"] as const).flatMap((list) =>
    (rule.examples[list] as Example[]).map((e, i) => [list, i, e] as ["pass" | "fail", number, Example]),
  );
}

function judgeExample(
  rule: RuleDef,
  list: "pass" | "fail",
  index: number,
  example: Example,
  site: SiteView,
): ExampleRun {
  const finding = evaluateRule(site, rule, {
    asOf: example.asOf ?? DEFAULT_EXAMPLE_AS_OF,
    sphere: exampleSphere(rule, example),
  });
  const expected = (example.expect ?? list) as Status;
  return {
    list,
    index,
    expected,
    finding,
    ok: finding.status === expected,
    ...(example.note ? { note: example.note } : {}),
  };
}
