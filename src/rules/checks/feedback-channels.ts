/**
 * `feedback-channels`: the remote feedback channels of 344н indicator 1.2 (Пдист) — telephone,
 * e-mail, an electronic form or service for appeals, a FAQ section, a survey or a link to one — and
 * their points: `pointsPerChannel` for each channel found, capped at `maxPoints` (30 and 100 by the
 * order). «Found» is what a crawler sees on the pages it read; whether a channel works (a call is
 * answered, a form is accepted) is not checked, and the message says so.
 *
 * A fax number alone is not a telephone channel; a site-search form is not an appeal form; a form
 * that is a questionnaire counts as a survey, not as an appeal form.
 */
import { z } from "zod";
import { excerptAround } from "../../extract/russian/index.ts";
import type { CheckOutcome, CheckType, Evidence, FormInfo, SitePage } from "../../types/index.ts";
import { isNewsAt, openingHas } from "../match.ts";
import { pageName, urlKey } from "../site-model.ts";
import { type CompiledPhrase, clip, findFirst, findFirstIn, indexFor, withoutVenue } from "../text.ts";
import { emailOn, phoneOn } from "./contact-channels.ts";
import { checkPhrases, compiled, optionalPhrases, parseWith, phraseList } from "./params.ts";

export const CHANNELS = ["phone", "email", "form", "faq", "survey"] as const;
export type Channel = (typeof CHANNELS)[number];

/** Russian names for messages: «телефон», «раздел „Часто задаваемые вопросы“». */
const CHANNEL_NAMES: Record<Channel, string> = {
  phone: "телефон",
  email: "электронная почта",
  form: "электронная форма или сервис для обращений",
  faq: "раздел «Часто задаваемые вопросы»",
  survey: "анкета для оценки качества или ссылка на неё",
};

const targetSchema = z
  .object({
    /** Host names; a subdomain matches too. */
    hosts: z.array(z.string().min(3)).min(1),
    /** Any of these in the path or query (case-insensitive); without it any page of the host counts. */
    paths: z.array(z.string().min(2)).min(1).optional(),
  })
  .strict();

const channelSchema = z
  .object({
    /** Words of a link (text or title) or of a page's title / h1 that name the channel. */
    phrases: phraseList,
    /** A link or page so named is not the channel when these are in its words too. */
    excludePhrases: optionalPhrases,
    /** Words in the block around a link (its paragraph, list item) that make it something else. */
    contextExcludePhrases: optionalPhrases,
    /** Links to these external services are the channel unless their words or block exclude them. */
    targets: z.array(targetSchema).default([]),
    /** Words in a page's text that mark an embedded widget (the Госуслуги ПОС banner has no link). */
    textPhrases: optionalPhrases,
    /** Words in a form that make it something else than an appeal form (a comment form under news). */
    formExcludePhrases: optionalPhrases,
  })
  .strict();

const schema = z
  .object({
    what: z.string().trim().min(1).default("дистанционные способы взаимодействия с получателями услуг"),
    pointsPerChannel: z.number().int().min(1).max(100).default(30),
    maxPoints: z.number().int().min(1).max(100).default(100),
    form: channelSchema,
    faq: channelSchema,
    survey: channelSchema,
    /** URL fragments of contact, feedback, FAQ and survey pages (focused crawling only). */
    urlFragments: z.array(z.string().min(2)).default([]),
  })
  .strict();

interface CompiledChannel {
  phrases: CompiledPhrase[];
  exclude: CompiledPhrase[];
  context: CompiledPhrase[];
  text: CompiledPhrase[];
  notForm: CompiledPhrase[];
  targets: { hosts: string[]; paths?: string[] }[];
}

export type FeedbackChannelsParams = z.output<typeof schema> & {
  c: Record<"form" | "faq" | "survey", CompiledChannel>;
};

export interface Found {
  page: SitePage;
  excerpt: string;
  linkText: string | null;
}

/** Forms as the extractor gives them: FormInfo plus the search flag and the visible text. */
type SeenForm = FormInfo & { search?: boolean; text?: string };

export const feedbackChannelsCheck: CheckType<FeedbackChannelsParams> = {
  name: "feedback-channels",
  parse(params) {
    const p = parseWith(schema, params);
    const c = {} as FeedbackChannelsParams["c"];
    for (const k of ["form", "faq", "survey"] as const) {
      checkPhrases(p[k].phrases, `${k}.phrases`);
      checkPhrases(p[k].excludePhrases, `${k}.excludePhrases`);
      checkPhrases(p[k].textPhrases, `${k}.textPhrases`);
      checkPhrases(p[k].formExcludePhrases, `${k}.formExcludePhrases`);
      checkPhrases(p[k].contextExcludePhrases, `${k}.contextExcludePhrases`);
      c[k] = {
        phrases: compiled(p[k].phrases),
        exclude: compiled(p[k].excludePhrases),
        context: compiled(p[k].contextExcludePhrases),
        text: compiled(p[k].textPhrases),
        notForm: compiled(p[k].formExcludePhrases),
        targets: p[k].targets,
      };
    }
    return { ...p, c };
  },
  evaluate(site, p) {
    const found = new Map<Channel, Found>();
    const open = (ch: Channel) => !found.has(ch);
    const note = (ch: Channel, f: Found | null) => {
      if (f && open(ch)) found.set(ch, f);
    };
    // Shallow pages first: the header and footer of the home page say most of it.
    const pages = site.pages.filter((pg) => pg.artifacts.kind === "html").sort((a, b) => a.depth - b.depth);
    const byKey = new Map(pages.map((pg) => [urlKey(pg.artifacts.finalUrl || pg.artifacts.url), pg]));
    const read = (url: string) => byKey.get(urlKey(url));
    for (const page of pages) {
      if (found.size === CHANNELS.length) break;
      if (open("phone")) note("phone", phoneOn(page));
      if (open("email")) note("email", emailOn(page));
      for (const ch of ["form", "faq", "survey"] as const)
        if (open(ch)) note(ch, namedOn(page, p.c[ch], read));
      if (!open("form") && !open("survey")) continue;
      for (const form of page.artifacts.forms as SeenForm[]) {
        if (form.search) continue;
        const words = form.text ?? form.fields.map((x) => x.label ?? "").join(" ");
        if (words && named(words, p.c.survey)) note("survey", formFound(page, "анкета", words));
        else if (form.hasTextarea && !(words && findFirstIn(words, p.c.form.notForm, 1)))
          note("form", formFound(page, "форма обращения", words));
      }
    }
    return judge(
      p,
      CHANNELS.filter((ch) => found.has(ch)),
      found,
      site.coverage.adequate,
    );
  },
  cues(p) {
    return {
      phrases: ["контакты", "обратная связь", ...p.form.phrases, ...p.faq.phrases, ...p.survey.phrases],
      urlFragments: p.urlFragments,
    };
  },
};

function judge(
  p: FeedbackChannelsParams,
  channels: Channel[],
  found: Map<Channel, Found>,
  adequate: boolean,
): CheckOutcome {
  const points = Math.min(p.maxPoints, channels.length * p.pointsPerChannel);
  const missing = CHANNELS.filter((ch) => !found.has(ch));
  const caveat =
    "Учтено то, что видно при обходе сайта; работа каналов (ответ на звонок и письмо, отправка формы) не проверялась.";
  const evidence: Evidence[] = channels.map((ch) => {
    const f = found.get(ch)!;
    return {
      url: f.page.artifacts.finalUrl || f.page.artifacts.url,
      excerpt: clip(`${cap(CHANNEL_NAMES[ch])}: ${f.excerpt}`, 240),
      snapshot: f.page.snapshot,
      linkText: f.linkText,
      depth: f.page.depth,
      date: null,
    };
  });
  const details = { channels, points, missing };
  if (channels.length === 0)
    return {
      status: "fail",
      message: `Не найдены ${p.what} (0 баллов из ${p.maxPoints}). ${caveat}`,
      evidence,
      details,
    };
  const list = channels.map((ch) => CHANNEL_NAMES[ch]).join(", ");
  const lacking = missing.length ? ` Не найдены: ${missing.map((ch) => CHANNEL_NAMES[ch]).join("; ")}.` : "";
  const score = `${points} баллов из ${p.maxPoints} (показатель 1.2, ${p.pointsPerChannel} баллов за каждый способ)`;
  if (points >= p.maxPoints)
    return {
      status: "pass",
      message: `Найдены ${p.what}: ${list} — ${score}.${lacking} ${caveat}`,
      evidence,
      details,
    };
  const partial = adequate ? "" : " Обход неполный: способов может быть больше.";
  return {
    status: "warn",
    message: `Найдены не все ${p.what}: ${list} — ${score}.${lacking}${partial} ${caveat}`,
    evidence,
    details,
  };
}

function cap(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}

function named(text: string, ch: CompiledChannel): boolean {
  return (
    findFirstIn(text, ch.phrases, 1) !== null &&
    !(ch.exclude.length && findFirstIn(withoutVenue(text), ch.exclude, 1))
  );
}

/** The link's words, or the block they stand in, in the page's main text, carry an exclusion. */
function excludedAround(main: string, linkText: string, ch: CompiledChannel): boolean {
  const words = linkText.trim();
  if (!words) return false;
  if (ch.exclude.length && findFirstIn(withoutVenue(words), ch.exclude, 1)) return true;
  if (!ch.context.length) return false;
  const at = main.indexOf(words);
  if (at < 0) return false;
  // The block the link stands in (a paragraph, a list item), up to the link.
  const from = Math.max(0, main.lastIndexOf("\n", at) + 1, at - 300);
  return findFirstIn(main.slice(from, at + words.length), ch.context, 1) !== null;
}

function hostMatches(url: string, targets: CompiledChannel["targets"]): boolean {
  if (!targets.length) return false;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (!/^https?:$/.test(u.protocol)) return false;
  const host = u.hostname.toLowerCase();
  const rest = decodeSafe(u.pathname + u.search + u.hash).toLowerCase();
  return targets.some(
    (t) =>
      t.hosts.some((h) => host === h.toLowerCase() || host.endsWith(`.${h.toLowerCase()}`)) &&
      (!t.paths || t.paths.some((x) => rest.includes(x.toLowerCase()))),
  );
}

/** A news item about a questionnaire («Анкетирование пациентов в III квартале») reports on it. */
function newsPage(page: SitePage): boolean {
  return isNewsAt(page.artifacts.finalUrl || page.artifacts.url, page);
}

/** A link, page name or widget text that names the channel on this page. */
function namedOn(
  page: SitePage,
  ch: CompiledChannel,
  read: (url: string) => SitePage | undefined,
): Found | null {
  const a = page.artifacts;
  if (openingHas(page, ch.context)) return null;
  for (const link of a.links) {
    if (/^(?:tel|mailto):/i.test(link.url)) continue;
    // «Результаты независимой оценки» on bus.gov.ru, «опрос о работе органов местного самоуправления»:
    // the link's own words or its sentence say it is not a way to rate this organisation.
    if (excludedAround(a.mainText, link.text, ch)) continue;
    if (hostMatches(link.url, ch.targets))
      return {
        page,
        excerpt: `ссылка «${clip(link.text || link.title || "", 80)}» → ${link.url}`,
        linkText: link.text || null,
      };
    const words = [link.text, link.title ?? ""].join(" ").trim();
    // «Опрос населения» leading to a page about a poll of the local government.
    const target = words ? read(link.url) : undefined;
    if (target && target !== page && (openingHas(target, ch.context) || newsPage(target))) continue;
    if (words && named(words, ch))
      return { page, excerpt: `ссылка «${clip(words, 100)}» → ${link.url}`, linkText: link.text || null };
  }
  const name = pageName(a);
  for (const t of newsPage(page) ? [] : [name, a.title]) {
    if (t && named(t, ch)) return { page, excerpt: `страница «${clip(t, 120)}»`, linkText: page.linkText };
  }
  if (ch.text.length) {
    const idx = indexFor(a, "text", a.text);
    const m = findFirst(idx, ch.text, 1);
    if (m) return { page, excerpt: excerptAround(a.text, m.start, m.end, 60), linkText: null };
  }
  return null;
}

function formFound(page: SitePage, kind: string, words: string): Found {
  return {
    page,
    excerpt: `${kind} на странице${words ? ` («${clip(words, 100)}»)` : ""}`,
    linkText: page.linkText,
  };
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export { phoneLabel } from "./contact-channels.ts";
