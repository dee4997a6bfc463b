/**
 * `external-link`: links to known targets — bus.gov.ru rating pages, anketa.rosminzdrav.ru,
 * Госуслуги questionnaires, zakupki.gov.ru — or links whose words invite citizens to rate
 * («Оценить качество»). Each target has a grade: a bare bus.gov.ru link is weaker than its
 * rating page. The link itself is the evidence; its target need not be fetched.
 */
import { z } from "zod";
import type { CheckType, Evidence, ExtractedLink, SitePage } from "../../types/index.ts";
import { bodyIndex, openingHas } from "../match.ts";
import { nokContext } from "../nok.ts";
import { linkSegments, pageName, type SiteModel, siteModel, urlKey } from "../site-model.ts";
import { type CompiledPhrase, clip, findFirstIn, indexOf, type TokenIndex, withoutVenue } from "../text.ts";
import { checkPhrases, compiled, optionalPhrases, parseWith } from "./params.ts";

const targetSchema = z
  .object({
    /** Name for messages: «bus.gov.ru (страница оценки)». */
    name: z.string().trim().min(1),
    /** Host names; a subdomain matches too (www.bus.gov.ru). Links to the site's own host never match. */
    hosts: z.array(z.string().min(3)).min(1).optional(),
    /** Hosts (and their subdomains) that do not count, e.g. Госвеб sites under gosuslugi.ru. */
    excludeHosts: z.array(z.string().min(3)).optional(),
    /** Any of these in the path or query (case-insensitive). */
    paths: z.array(z.string().min(2)).min(1).optional(),
    /** The link's words (text, title, its list item or row) must carry one of these. */
    labelPhrases: optionalPhrases,
    excludeLabelPhrases: optionalPhrases,
    /**
     * A link to a page of the same site that was read counts only when that page carries one of these
     * (or a questionnaire form): a subsection «Анкетирование получателей услуг» that holds nothing else
     * is a heading, not the place to rate.
     */
    confirmOnTarget: optionalPhrases,
    /** The page's opening says the link is about something else («опрос … органов местного самоуправления»). */
    contextExcludePhrases: optionalPhrases,
    /** The link or the page it is on must be about NOK; menu and footer links then do not count. */
    requireContext: z.enum(["nok"]).optional(),
    grade: z.enum(["pass", "warn"]).default("pass"),
    /** Why a warn-grade link is not enough. */
    note: z.string().optional(),
  })
  .strict()
  .refine((t) => t.hosts || t.paths || t.labelPhrases, { message: "укажите hosts, paths или labelPhrases" });

const schema = z
  .object({
    what: z.string().trim().min(1),
    targets: z.array(targetSchema).min(1),
  })
  .strict();

type Target = z.output<typeof targetSchema> & {
  label: CompiledPhrase[];
  exclude: CompiledPhrase[];
  context: CompiledPhrase[];
  confirm: CompiledPhrase[];
};
export type ExternalLinkParams = { what: string; targets: Target[] };

interface LinkHit {
  page: SitePage;
  link: ExtractedLink;
  label: string;
  target: Target;
}

export const externalLinkCheck: CheckType<ExternalLinkParams> = {
  name: "external-link",
  parse(params) {
    const p = parseWith(schema, params);
    p.targets.forEach((t, i) => {
      checkPhrases(t.labelPhrases, `targets.${i}.labelPhrases`);
      checkPhrases(t.excludeLabelPhrases, `targets.${i}.excludeLabelPhrases`);
      checkPhrases(t.contextExcludePhrases, `targets.${i}.contextExcludePhrases`);
      checkPhrases(t.confirmOnTarget, `targets.${i}.confirmOnTarget`);
    });
    return {
      what: p.what,
      targets: p.targets.map((t) => ({
        ...t,
        label: compiled(t.labelPhrases),
        exclude: compiled(t.excludeLabelPhrases),
        context: compiled(t.contextExcludePhrases),
        confirm: compiled(t.confirmOnTarget),
      })),
    };
  },
  evaluate(site, p, ctx) {
    const model = siteModel(site);
    const hits: LinkHit[] = [];
    const seen = new Set<string>();
    for (const item of model.items) {
      const page = item.page;
      if (page?.artifacts.kind !== "html") continue;
      const segments = linkSegments(page.artifacts);
      const ownHost = hostOf(page.artifacts.finalUrl || page.artifacts.url);
      let pageContext: boolean | null = null;
      for (const link of page.artifacts.links) {
        const url = parsedUrl(link.url);
        if (!url) continue;
        const label = [segments.get(link) ?? link.text, link.title ?? ""].filter(Boolean).join(" — ");
        for (const t of p.targets) {
          if (!matchesTarget(url, label, t)) continue;
          if (t.hosts && url.hostname.toLowerCase() === ownHost) continue;
          if (openingHas(page, t.context)) continue;
          if (t.confirm.length && !heldByTarget(model, link.url, ownHost, t)) continue;
          if (t.requireContext === "nok") {
            if (link.inNav || model.repeatedTargets.has(urlKey(link.url))) continue;
            if (!nokContext([indexOf(label)], ctx.sphere)) {
              pageContext ??= pageIsNok(model, item, ctx.sphere);
              if (!pageContext) continue;
            }
          }
          const key = `${t.grade}|${urlKey(link.url)}`;
          if (seen.has(key)) break;
          seen.add(key);
          hits.push({ page, link, label, target: t });
          break;
        }
      }
      const own = ownQuestionnaire(page, p.targets);
      if (own && !seen.has(`${own.target.grade}|${urlKey(own.link.url)}`)) {
        seen.add(`${own.target.grade}|${urlKey(own.link.url)}`);
        hits.push(own);
      }
    }
    // Earlier targets in the rule are the stronger evidence (bus.gov.ru rating page before a survey link).
    hits.sort((a, b) => p.targets.indexOf(a.target) - p.targets.indexOf(b.target));
    const pass = hits.filter((h) => h.target.grade === "pass");
    const warn = hits.filter((h) => h.target.grade === "warn");
    if (pass.length) {
      const h = pass[0]!;
      return {
        status: "pass",
        message: `Найдена ${p.what}: ${h.target.name} — «${clip(h.link.text || h.label, 100)}» (${h.link.url}) на странице ${h.page.artifacts.finalUrl}.${more(pass)}`,
        evidence: pass.slice(0, 3).map(evidence),
        details: { links: pass.length, targets: [...new Set(pass.map((x) => x.target.name))] },
      };
    }
    if (warn.length) {
      const h = warn[0]!;
      return {
        status: "warn",
        message: `${h.target.note ?? `Найдена только ссылка на ${h.target.name}`}: «${clip(h.link.text || h.label, 100)}» (${h.link.url}).`,
        evidence: warn.slice(0, 3).map(evidence),
        details: { links: warn.length },
      };
    }
    return { status: "fail", message: `Не найдена ${p.what}.`, evidence: [], details: {} };
  },
  cues(p) {
    return { phrases: p.targets.flatMap((t) => t.labelPhrases ?? []), urlFragments: [] };
  },
};

/**
 * The site's own questionnaire page («Анкета для оценки качества …» with the questions as a form) is the
 * place to rate, however the link to it is worded: named by its own title or heading, not by the link.
 */
function ownQuestionnaire(page: SitePage, targets: Target[]): LinkHit | null {
  const a = page.artifacts;
  // A questionnaire asks several questions; a search box or a login form does not.
  if (!a.forms.some((f) => f.fields.length >= 3)) return null;
  const name = pageName(a);
  if (!name) return null;
  for (const t of targets) {
    if (t.hosts || t.paths || !t.label.length) continue;
    if (!findFirstIn(name, t.label, 2)) continue;
    if (t.exclude.length && findFirstIn(withoutVenue(name), t.exclude, 2)) continue;
    const url = a.finalUrl || a.url;
    return { page, link: { url, text: name, inNav: false }, label: name, target: t };
  }
  return null;
}

/** A same-site link whose page was read: that page must hold the questionnaire (a form or its words). */
function heldByTarget(model: SiteModel, url: string, ownHost: string, t: Target): boolean {
  if (hostOf(url) !== ownHost) return true;
  const target = model.byKey.get(urlKey(url))?.page;
  if (target?.artifacts.kind !== "html") return true;
  const a = target.artifacts;
  if (a.forms.some((f) => f.fields.length >= 3)) return true;
  const name = pageName(a);
  const rest = (name ? a.mainText.replace(name, "") : a.mainText).slice(0, 4000);
  return (
    findFirstIn(rest, t.confirm, 1) !== null || a.links.some((l) => !l.inNav && hostOf(l.url) !== ownHost)
  );
}

function more(list: LinkHit[]): string {
  return list.length > 1 ? ` Всего таких ссылок: ${list.length}.` : "";
}

function hostIs(host: string, h: string): boolean {
  const want = h.toLowerCase();
  return host === want || host.endsWith(`.${want}`);
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return "";
  }
}

interface ParsedUrl {
  hostname: string;
  /** Decoded, lower-cased path, query and fragment. */
  rest: string;
}

const urlCache = new Map<string, ParsedUrl | null>();

/** http(s) URLs only; parsed once per distinct URL (the same menu links recur on every page). */
function parsedUrl(raw: string): ParsedUrl | null {
  let hit = urlCache.get(raw);
  if (hit === undefined) {
    try {
      const u = new URL(raw);
      hit = /^https?:$/.test(u.protocol)
        ? {
            hostname: u.hostname.toLowerCase(),
            rest: decodeSafe(u.pathname + u.search + u.hash).toLowerCase(),
          }
        : null;
    } catch {
      hit = null;
    }
    if (urlCache.size > 50_000) urlCache.clear();
    urlCache.set(raw, hit);
  }
  return hit;
}

function matchesTarget(url: ParsedUrl, label: string, t: Target): boolean {
  const host = url.hostname;
  if (t.hosts && !t.hosts.some((h) => hostIs(host, h))) return false;
  if (t.excludeHosts?.some((h) => hostIs(host, h))) return false;
  if (t.paths && !t.paths.some((p) => url.rest.includes(p.toLowerCase()))) return false;
  if (t.label.length && !findFirstIn(label, t.label, 2)) return false;
  if (t.exclude.length && findFirstIn(withoutVenue(label), t.exclude, 2)) return false;
  return true;
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function pageIsNok(
  model: SiteModel,
  item: Parameters<typeof bodyIndex>[1],
  sphere: Parameters<typeof nokContext>[1],
): boolean {
  const a = item.page!.artifacts;
  const idx: TokenIndex[] = [indexOf(a.title), indexOf(pageName(a))];
  const body = bodyIndex(model, item);
  if (body) idx.push(body);
  return nokContext(idx, sphere) !== null;
}

function evidence(h: LinkHit): Evidence {
  return {
    url: h.page.artifacts.finalUrl || h.page.artifacts.url,
    excerpt: clip(`${h.label} → ${h.link.url}`, 260),
    snapshot: h.page.snapshot,
    linkText: h.link.text || null,
    depth: h.page.depth,
    date: null,
  };
}
