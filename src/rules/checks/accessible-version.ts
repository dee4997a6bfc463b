/**
 * `accessible-version`: a version for the visually impaired that is real — a known special-version
 * script (artifacts.accessibility.scripts), or a link/switch so named whose target is another page
 * (checked to differ when it was fetched). The words alone in plain text are `warn`, as is a switch
 * («#», javascript:) on a page whose scripts were inspected and hold no special-version script. A
 * «version» that was fetched and is identical to the page is `fail` with that page as evidence
 * (the fake toggles requirements §3A AUTH-14 warns of).
 */
import { z } from "zod";
import { excerptAround } from "../../extract/russian/index.ts";
import type { CheckType, Evidence, ExtractedLink, SitePage } from "../../types/index.ts";
import { siteModel, urlKey } from "../site-model.ts";
import { type CompiledPhrase, clip, findEvery, findFirst, findFirstIn, indexFor, indexOf } from "../text.ts";
import { checkPhrases, compiled, optionalPhrases, parseWith, phraseList } from "./params.ts";

const MAX_PAGES = 12;

const schema = z
  .object({
    what: z.string().trim().min(1),
    /** Words of the switch: link text, title or image alt. */
    phrases: phraseList,
    /** A link back to the normal version («Обычная версия»): the page is itself the special version… */
    normalVersionPhrases: optionalPhrases,
    /** …when its display settings panel is there too («Размер шрифта», «Цвета сайта»): at least two. */
    settingsPhrases: optionalPhrases,
  })
  .strict();

export type AccessibleParams = z.output<typeof schema> & {
  c: CompiledPhrase[];
  normal: CompiledPhrase[];
  settings: CompiledPhrase[];
};

/** `fail` here is a fake: the «version» fetched and identical to the page (evidence, not absence). */
/** `unverified`: a link to a version that was never fetched — passes only when nothing proves a fake. */
type Grade = "pass" | "unverified" | "warn" | "fail";
interface Found {
  grade: Grade;
  page: SitePage;
  how: string;
  link?: ExtractedLink;
  excerpt: string;
}

export const accessibleVersionCheck: CheckType<AccessibleParams> = {
  name: "accessible-version",
  parse(params) {
    const p = parseWith(schema, params);
    checkPhrases(p.phrases, "phrases");
    checkPhrases(p.normalVersionPhrases, "normalVersionPhrases");
    checkPhrases(p.settingsPhrases, "settingsPhrases");
    return {
      ...p,
      c: compiled(p.phrases),
      normal: compiled(p.normalVersionPhrases),
      settings: compiled(p.settingsPhrases),
    };
  },
  evaluate(site, p) {
    const model = siteModel(site);
    const found: Found[] = [];
    // The switch sits in the header of every page: the shallowest pages tell as much as all of them.
    const pages = site.pages
      .filter((pg) => pg.artifacts.kind === "html")
      .sort((a, b) => a.depth - b.depth)
      .slice(0, MAX_PAGES);
    for (const page of pages) {
      const a = page.artifacts;
      const acc = a.accessibility;
      if (acc && acc.scripts.length > 0) {
        found.push({
          grade: "pass",
          page,
          how: `сценарий специальной версии (${acc.scripts.slice(0, 3).join(", ")})`,
          excerpt: acc.scripts.join(", "),
        });
        continue;
      }
      const served = servedAsSpecial(page, p);
      if (served) {
        found.push({ grade: "pass", page, ...served });
        break;
      }
      const candidates = uniqueLinks([
        ...(acc?.links ?? []).filter(shortLabel),
        ...a.links.filter((l) => named(l, p.c)),
      ]);
      const pageKey = urlKey(a.finalUrl || a.url);
      for (const link of candidates) {
        const text = clip(link.text || link.title || "", 100);
        const kind = hrefKind(link.url, a.finalUrl || a.url);
        if (kind === "toggle") {
          // Without script facts from the extractor nothing says the switch is dead.
          if (acc)
            found.push({
              grade: "warn",
              page,
              link,
              how: `переключатель «${text}» без известного сценария специальной версии`,
              excerpt: text,
            });
          else
            found.push({
              grade: "pass",
              page,
              link,
              how: `переключатель «${text}» (работа сценария не проверялась)`,
              excerpt: text,
            });
          continue;
        }
        const key = urlKey(link.url);
        const target = key === pageKey ? null : model.byKey.get(key);
        if (target?.page && target.page.artifacts.kind === "html") {
          if (sameContent(target.page, page))
            found.push({
              grade: "fail",
              page,
              link,
              how: `ссылка «${text}» ведёт на страницу, которая не отличается от обычной`,
              excerpt: text,
            });
          else
            found.push({
              grade: "pass",
              page,
              link,
              how: `ссылка «${text}» на отдельную версию (${link.url})`,
              excerpt: text,
            });
        } else {
          found.push({
            grade: "unverified",
            page,
            link,
            how: `ссылка «${text}» (${link.url}; сама версия не загружалась)`,
            excerpt: text,
          });
        }
      }
      if (!candidates.length) {
        const idx = indexFor(a, "text", a.text);
        const m = findFirst(idx, p.c, 1);
        if (m && !inProse(a.mainText, a.text.slice(m.start, m.end)))
          found.push({
            grade: "warn",
            page,
            how: "слова о версии для слабовидящих есть, но ссылки или переключателя нет",
            excerpt: excerptAround(a.text, m.start, m.end, 60),
          });
      }
      if (found.some((f) => f.grade === "pass")) break;
    }
    const verified = found.filter((f) => f.grade === "pass");
    const warn = found.filter((f) => f.grade === "warn");
    const fake = found.filter((f) => f.grade === "fail");
    // A version seen to differ wins; one seen to be identical beats links whose target was never read.
    const pass = verified.length || fake.length ? verified : found.filter((f) => f.grade === "unverified");
    if (pass.length) {
      return {
        status: "pass",
        message: `Есть ${p.what}: ${pass[0]!.how}.`,
        evidence: pass.slice(0, 2).map(evidence),
        details: { method: pass[0]!.link ? "link" : "script" },
      };
    }
    // A «version» fetched and identical to the page outweighs a switch whose script is unknown
    // (on the fake page itself the link points to the page: it reads as a switch).
    if (fake.length) {
      return {
        status: "fail",
        message: `${cap(p.what)} только на словах: ${fake[0]!.how}.`,
        evidence: fake.slice(0, 2).map(evidence),
        details: { method: "fake" },
      };
    }
    if (warn.length) {
      return {
        status: "warn",
        message: `${cap(p.what)} не подтверждена: ${warn[0]!.how}.`,
        evidence: warn.slice(0, 2).map(evidence),
        details: {},
      };
    }
    return { status: "fail", message: `Не найдена ${p.what}.`, evidence: [], details: {} };
  },
  cues(p) {
    return { phrases: p.phrases, urlFragments: ["special", "bvi", "visually-impaired", "slabovid"] };
  },
};

/**
 * A page served in the special version itself: a link back to the normal version and the display
 * settings (font size, colours, images) — a site whose visitor arrived already switched.
 */
function servedAsSpecial(
  page: SitePage,
  p: AccessibleParams,
): { link?: ExtractedLink; how: string; excerpt: string } | null {
  if (!p.settings.length) return null;
  const a = page.artifacts;
  const idx = indexFor(a, "text", a.text);
  const hits = p.settings
    .map((ph) => findEvery(idx, [ph], 1))
    .filter((list) => list.length > 0)
    .map((list) => list.map((m) => m.start));
  const back = p.normal.length
    ? a.links.find((l) => shortLabel(l) && findFirstIn(l.text, p.normal, 1) !== null)
    : undefined;
  if (back && hits.length >= 2)
    return {
      link: back,
      how: `страница открыта в версии для слабовидящих: панель настроек отображения и ссылка «${clip(back.text, 60)}»`,
      excerpt: clip(back.text, 100),
    };
  // The display settings built into every page («Размер шрифта · Цветовая схема · Изображения»): three
  // settings side by side are a panel, not words in an article.
  for (const start of hits.flat()) {
    const near = hits.filter((list) => list.some((x) => Math.abs(x - start) <= PANEL_CHARS)).length;
    if (near >= 3)
      return {
        how: "встроенная панель настроек отображения для слабовидящих (размер шрифта, цвет, изображения)",
        excerpt: clip(a.text.slice(start, start + PANEL_CHARS), 160),
      };
  }
  return null;
}

/** How close the settings of one panel stand. */
const PANEL_CHARS = 200;

function cap(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}

function uniqueLinks(list: ExtractedLink[]): ExtractedLink[] {
  const seen = new Set<string>();
  return list.filter((l) => !seen.has(l.url) && Boolean(seen.add(l.url)));
}

/** A switch is a short label; «Музеи станут доступнее для слабовидящих посетителей» is a headline. */
const MAX_LABEL_WORDS = 6;

function shortLabel(l: ExtractedLink): boolean {
  return l.text.trim().split(/\s+/).length <= MAX_LABEL_WORDS;
}

function named(l: ExtractedLink, phrases: CompiledPhrase[]): boolean {
  if (!shortLabel(l)) return false;
  const t = [l.text, l.title ?? ""].join(" ");
  return t.trim().length > 0 && findFirst(indexOf(t), phrases, 1) !== null;
}

/** The words stand in a sentence of the main content (prose, a headline), not as a label. */
function inProse(main: string, words: string): boolean {
  const at = main.indexOf(words);
  if (at < 0) return false;
  const from = main.lastIndexOf("\n", at) + 1;
  const to = main.indexOf("\n", at);
  return (
    main
      .slice(from, to < 0 ? main.length : to)
      .trim()
      .split(/\s+/).length > MAX_LABEL_WORDS
  );
}

/** «#», «#top», javascript: and the page itself are switches, not a version of their own. */
function hrefKind(href: string, pageUrl: string): "toggle" | "page" {
  try {
    const u = new URL(href, pageUrl);
    if (u.protocol === "javascript:") return "toggle";
    const p = new URL(pageUrl);
    if (u.origin === p.origin && u.pathname === p.pathname && u.search === p.search) return "toggle";
    return "page";
  } catch {
    return "toggle";
  }
}

function sameContent(a: SitePage, b: SitePage): boolean {
  const ta = a.artifacts.text.replace(/\s+/g, " ").trim();
  const tb = b.artifacts.text.replace(/\s+/g, " ").trim();
  return ta === tb;
}

function evidence(f: Found): Evidence {
  return {
    url: f.page.artifacts.finalUrl || f.page.artifacts.url,
    excerpt: clip(f.link ? `${f.excerpt} → ${f.link.url}` : f.excerpt, 240),
    snapshot: f.page.snapshot,
    linkText: f.link?.text ?? null,
    depth: f.page.depth,
    date: null,
  };
}
