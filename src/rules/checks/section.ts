/**
 * `section`: a dedicated section — a page reached by a NOK name (link text, title, heading) or URL,
 * and confirmed by its content: NOK wording in its main text and NOK material (council, minutes,
 * lists, results…) on it or linked from it. A news item about NOK is not a section; НОКО and
 * «оценка квалификации» are not NOK (nok.ts). NOK material kept only under the public council's
 * page is `warn` (no dedicated section), and so is a named but empty section.
 */
import { z } from "zod";
import { officialDocuments } from "../../extract/official-documents.ts";
import type { CheckType, Evidence, SitePage } from "../../types/index.ts";
import { bodyIndex, contentReferrers, isPlaceholder } from "../match.ts";
import { nokContext, nokMentions } from "../nok.ts";
import { type Item, itemLinkText, pageName, siteModel } from "../site-model.ts";
import { type CompiledPhrase, clip, findFirst, hasAny, indexOf, type TokenIndex } from "../text.ts";
import { firstRejections, itemDocumentTypes } from "./document.ts";
import { checkPhrases, compiled, optionalPhrases, parseWith, phraseList } from "./params.ts";
import { childMaterial, materialOf } from "./section-material.ts";

const schema = z
  .object({
    what: z.string().trim().min(1),
    /** Names of the section (matched in link texts, titles, h1/h2; must be real NOK wording). */
    phrases: phraseList,
    /** URL path fragments of such sections (a URL alone never suffices: the content must confirm). */
    urlFragments: z.array(z.string().min(2)).default([]),
    /** What a NOK section holds: at least `minMaterial` of these on the page or in its links. */
    materialPhrases: phraseList,
    minMaterial: z.number().int().min(1).max(10).default(1),
    /** Names of the public council's page: NOK material only there → warn (no dedicated section). */
    councilPhrases: optionalPhrases,
    /**
     * The council's own papers (its regulation, composition, minutes): on the council's page they show
     * a council, not NOK work; only other material makes that page stand in for a NOK section.
     */
    councilMaterialPhrases: optionalPhrases,
    /** URL fragments of news, press releases and events. */
    newsUrlFragments: z.array(z.string().min(2)).default([]),
    /** Words of a news headline («состоялось», «подведены итоги»). */
    newsPhrases: optionalPhrases,
    /**
     * A page that is one official document (an order, a regulation, a law's text, with at most two links
     * of its own) is a section or not: an authority's section lists documents, while an institution's
     * NOK page is often its plan itself.
     */
    documentPages: z.enum(["allow", "reject"]).default("allow"),
  })
  .strict();

export type SectionParams = z.output<typeof schema> & {
  c: {
    phrases: CompiledPhrase[];
    material: CompiledPhrase[];
    council: CompiledPhrase[];
    news: CompiledPhrase[];
  };
};

interface Found {
  item: Item;
  page: SitePage;
  name: string;
  material: string[];
  note?: string;
}

export const sectionCheck: CheckType<SectionParams> = {
  name: "section",
  parse(params) {
    const p = parseWith(schema, params);
    for (const k of [
      "phrases",
      "materialPhrases",
      "councilPhrases",
      "councilMaterialPhrases",
      "newsPhrases",
    ] as const)
      checkPhrases(p[k], k);
    return {
      ...p,
      c: {
        phrases: compiled(p.phrases),
        material: compiled(p.materialPhrases),
        council: compiled(p.councilPhrases),
        news: compiled(p.newsPhrases),
      },
    };
  },
  evaluate(site, p, ctx) {
    const model = siteModel(site);
    const sections: Found[] = [];
    const empty: Found[] = [];
    const underCouncil: Found[] = [];
    const councilOnly: Found[] = [];
    const unread: Item[] = [];
    const rejected: { url: string; reason: string }[] = [];
    for (const item of model.items) {
      const names = namedLabels(item, p.c.phrases);
      // «Общественный совет по проведению независимой оценки качества…» names the council, not a
      // section: only a NOK name that is not the council's makes a page a dedicated section.
      let byName = p.c.council.length ? names.filter((t) => !hasAny(indexOf(t), p.c.council, 2)) : names;
      const byUrl = p.urlFragments.some((f) => urlHas(item.url, f));
      if (!item.page) {
        // Only a page of this site can be its section; a link to a law on a legal portal cannot.
        if (names.length && !item.isDocument && sameSite(item.url, site.startUrl) && !namesADocument(item))
          unread.push(item);
        continue;
      }
      if (item.page.artifacts.kind !== "html") continue;
      const page = item.page;
      const main = bodyIndex(model, item);
      // Named «… качества образования» only: the content must speak of NOK at least as much as of НОКО (an
      // article of 273-ФЗ on НОКО that cites ст. 95.2 once is no NOK page).
      if (byName.length && byName.every((t) => nokMentions(indexOf(t)).length === 0 && NOKO_NAME.test(t))) {
        const noko = main ? (main.text.match(NOKO_NAMES) ?? []).length : 0;
        if (!main || nokMentions(main).length < noko) byName = [];
      }
      const council =
        p.c.council.length > 0 && ownNames(item).some((t) => hasAny(indexOf(t), p.c.council, 2));
      if (!byName.length && !byUrl && !council) continue;
      if (isNews(item, p)) {
        rejected.push({ url: item.url, reason: "новость или анонс, а не раздел" });
        continue;
      }
      // A page that is one official document (an order, a regulation, a law's text) is not a section.
      // The council's own page («Общественный совет при министерстве») may hold its regulation's text and
      // still be the council's section; a page named as a document («Положение об …», «Приказ от …») is that document.
      // The head must open the page (after at most its heading line): a section that lists acts in its
      // text a few lines down is still a section.
      // A page that lists several acts one per line («Федеральный закон …», «Приказ …», «Протокол …») is a
      // list of documents, whatever its first line is.
      const heads = (page.artifacts.documents ?? []).filter((d) => !d.appendix).length;
      const docTypes = p.documentPages === "reject" && heads < 3 ? itemDocumentTypes(item, 160) : null;
      const ownName = pageName(page.artifacts);
      const namedAsCouncil =
        hasAny(indexOf(ownName), p.c.council, 2) &&
        !officialDocuments(ownName).some((d) => d.at === 0 && d.type);
      // …when it holds several kinds of NOK material, not the one document.
      const material = materialOf(main, page, p);
      if (
        docTypes &&
        !(namedAsCouncil && material.length >= 2) &&
        page.artifacts.links.filter((l) => !l.inNav).length <= 2
      ) {
        rejected.push({
          url: item.url,
          reason: `страница одного документа (${[...docTypes].join(", ")}), а не раздел`,
        });
        continue;
      }
      const idx: TokenIndex[] = main ? [main] : [];
      const refs = contentReferrers(item).flatMap((r) => [r.artifacts.title, pageName(r.artifacts)]);
      const context = [...names.map((t) => indexOf(t)), ...idx, ...refs.map((t) => indexOf(t))];
      const nokInMain = main ? nokMentions(main).length > 0 : false;
      const nokOk = nokContext(context, ctx.sphere) !== null;
      const found: Found = { item, page, name: ownName || byName[0] || item.url, material };
      if ((byName.length || byUrl) && nokInMain && nokOk) {
        if (material.length >= p.minMaterial) sections.push(found);
        else
          empty.push({
            ...found,
            note: isPlaceholder(page.artifacts.mainText.replace(found.name, ""))
              ? "заглушка"
              : "нет материалов",
          });
        continue;
      }
      if (byName.length && !nokInMain && main && isPlaceholder(main.text.replace(found.name, ""))) {
        if (
          nokOk ||
          nokContext(
            byName.map((t) => indexOf(t)),
            ctx.sphere,
          )
        ) {
          empty.push({ ...found, note: "заглушка" });
          continue;
        }
      }
      // Only the council's own page stands in for a section: not a page named as one of its documents
      // («Состав …», «Приказ …») or as an act or news title («О формировании …»).
      const councilPage = namedAsCouncil && !/^(?:об?|обо)\s/iu.test(ownName);
      const ownPapers = (m: string) => (p.councilMaterialPhrases ?? []).includes(m);
      let nokMaterial = material.filter((m) => !ownPapers(m));
      // The council's section may keep the NOK material one level down («Документы», «Результаты»).
      if (council && councilPage && nokMaterial.length < p.minMaterial)
        nokMaterial = [
          ...new Set([...nokMaterial, ...childMaterial(model, item, p).filter((m) => !ownPapers(m))]),
        ];
      if (nokMaterial.length > material.length) found.material = [...new Set([...material, ...nokMaterial])];
      if (council && councilPage && nokInMain && nokOk) {
        if (nokMaterial.length >= p.minMaterial) underCouncil.push(found);
        else councilOnly.push(found);
        continue;
      }
      if (byName.length || byUrl)
        rejected.push({
          url: item.url,
          reason:
            nokInMain && !nokOk
              ? "оценка качества образования (НОКО), а не условий"
              : "в содержании нет независимой оценки качества",
        });
    }
    const details: Record<string, unknown> = rejected.length ? { rejected: firstRejections(rejected) } : {};
    if (sections.length) {
      const best = rankSections(sections)[0]!;
      return {
        status: "pass",
        message: `Найден ${p.what}: «${clip(best.name, 140)}» (${best.item.url}); в нём: ${best.material.slice(0, 5).join(", ")}.`,
        evidence: rankSections(sections)
          .slice(0, 3)
          .map((s) => evidence(s)),
        details: { ...details, sections: sections.length },
      };
    }
    if (underCouncil.length) {
      // Минтруд counted these regions apart from those with a dedicated section: published, but not
      // where a citizen looks for it.
      const best = underCouncil[0]!;
      return {
        status: "warn",
        message: `Отдельного раздела нет: сведения о независимой оценке качества размещены в разделе общественного совета «${clip(best.name, 140)}».`,
        evidence: underCouncil.slice(0, 3).map((s) => evidence(s)),
        details: { ...details, scatteredIn: underCouncil.slice(0, 3).map((s) => s.item.url) },
      };
    }
    if (empty.length) {
      const best = empty[0]!;
      return {
        status: "warn",
        message: `${cap(p.what)} есть («${clip(best.name, 140)}»), но не наполнен: ${best.note ?? "нет материалов"}.`,
        evidence: empty.slice(0, 3).map((s) => evidence(s)),
        details,
      };
    }
    if (unread.length) {
      const it = unread[0]!;
      return {
        status: "unknown",
        message: `Есть ссылка «${clip(itemLinkText(it) ?? it.url, 120)}», но страница раздела не прочитана (${it.url}).`,
        evidence: [
          {
            url: it.url,
            excerpt: clip(it.labels[0]?.text ?? "", 200),
            snapshot: it.inbound[0]?.from.snapshot ?? null,
            linkText: itemLinkText(it),
            depth: it.depth,
            date: null,
          },
        ],
        details,
      };
    }
    if (councilOnly.length) {
      // Read and named: the council's page exists but holds only the council's own papers.
      const best = councilOnly[0]!;
      return {
        status: "fail",
        message: `Не найден ${p.what}: есть только страница общественного совета «${clip(best.name, 140)}» с документами самого совета (${best.material.join(", ")}), без результатов, перечней и других материалов оценки.`,
        evidence: councilOnly.slice(0, 3).map((s) => evidence(s)),
        details: { ...details, councilOnly: councilOnly.slice(0, 3).map((s) => s.item.url) },
      };
    }
    return { status: "fail", message: `Не найден ${p.what}.`, evidence: [], details };
  },
  cues(p) {
    return { phrases: [...p.phrases, ...(p.councilPhrases ?? [])], urlFragments: p.urlFragments };
  },
};

export function sameSite(url: string, start: string): boolean {
  try {
    const a = new URL(url).hostname.replace(/^www\./, "");
    const b = new URL(start).hostname.replace(/^www\./, "");
    return a === b || a.endsWith(`.${b}`);
  } catch {
    return false;
  }
}

/** A link named as one official document («Федеральный закон от … № 392-ФЗ …») leads to that document. */
function namesADocument(item: Item): boolean {
  return item.labels.some(
    (l) =>
      l.source === "link" &&
      l.link &&
      officialDocuments(l.link.text).some((d) => d.at === 0 && d.type !== null),
  );
}

function cap(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}

/** The item's own names: title, h1/h2, and the words of links to it. */
function ownNames(item: Item): string[] {
  const out: string[] = [];
  for (const l of item.labels) {
    if (l.source === "title") out.push(l.text);
    else if (
      l.source === "heading" &&
      item.page?.artifacts.headings.some((h) => h.text === l.text && h.level <= 2)
    )
      out.push(l.text);
    else if (l.source === "link" && l.link) out.push([l.link.text, l.link.title ?? ""].join(" ").trim());
    else if (l.source === "link" && !l.link) out.push(l.text);
  }
  return out.filter(Boolean);
}

/**
 * A section titled just «Независимая оценка» (optionally with a year) or «Оценка качества условий …» — common on small institutions
 * sites — names no regime by itself; its main text must then carry the NOK wording (checked by the caller).
 */
const BARE_NOK_NAME =
  /^(?:независимая\s+оценка(?:\s+\d{4}(?:\s*(?:г|год|года)\.?)?)?[.:]?$|(?:независимая\s+)?оценка\s+качества\s+условий(?:\s|$))/iu;

const NOKO_NAME = /независим\p{L}*\s+оценк\p{L}*\s+качеств\p{L}*\s+образован/iu;
const NOKO_NAMES = new RegExp(NOKO_NAME.source, "giu");

/** Own names that carry a section phrase and real NOK wording (not НОКО, not «квалификации»). */
function namedLabels(item: Item, phrases: CompiledPhrase[]): string[] {
  return ownNames(item).filter((t) => {
    if (BARE_NOK_NAME.test(t.trim())) return true;
    const idx = indexOf(t);
    // Schools and kindergartens often title their NOK page «Независимая оценка качества образования»:
    // the name alone is НОКО; the page's content (checked by the caller) decides.
    return findFirst(idx, phrases, 1) !== null && (nokMentions(idx).length > 0 || NOKO_NAME.test(t));
  });
}

const fragmentRes = new Map<string, RegExp>();
const pathCache = new Map<string, string>();

/** The decoded, lower-cased path and query of a URL (cached: the same URLs are asked about often). */
function pathOf(url: string): string {
  let path = pathCache.get(url);
  if (path === undefined) {
    try {
      const u = new URL(url);
      path = u.pathname + u.search;
      try {
        path = decodeURIComponent(path);
      } catch {
        // keep the encoded form
      }
      path = path.toLowerCase();
    } catch {
      path = "";
    }
    if (pathCache.size > 50_000) pathCache.clear();
    pathCache.set(url, path);
  }
  return path;
}

/** A fragment must start a path segment or a word in it: «nok» in /nok/ or /nok-2025/, not in /nokia/. */
function urlHas(url: string, fragment: string): boolean {
  const f = fragment.toLowerCase();
  let re = fragmentRes.get(f);
  if (!re) {
    re = new RegExp(`(^|[/_\\-=?&.])${f.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}($|[/_\\-.?&=]|\\d)`);
    fragmentRes.set(f, re);
  }
  return re.test(pathOf(url));
}

function isNews(item: Item, p: SectionParams): boolean {
  if (p.newsUrlFragments.some((f) => urlHas(item.url, f))) return true;
  if (!p.c.news.length || !item.page) return false;
  // A headline («Состоялось заседание…», «Подведены итоги…») names an event, not a section.
  return hasAny(indexOf(pageName(item.page.artifacts)), p.c.news, 1);
}

function rankSections(list: Found[]): Found[] {
  return [...list].sort(
    (a, b) => b.material.length - a.material.length || (a.page.depth ?? 0) - (b.page.depth ?? 0),
  );
}

function evidence(s: Found): Evidence {
  const linkText = itemLinkText(s.item);
  return {
    url: s.item.url,
    excerpt: clip(`${s.name}${s.material.length ? ` — ${s.material.slice(0, 4).join(", ")}` : ""}`, 240),
    snapshot: s.page.snapshot,
    linkText,
    depth: s.page.depth,
    date: null,
  };
}

export { urlHas };
