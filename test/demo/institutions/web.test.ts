import iconv from "iconv-lite";
import mammoth from "mammoth";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { request } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { institutionAgencies } from "../../../demo/web/institutions/agencies.ts";
import { type InstitutionDemoSite, startInstitutionWeb } from "../../../demo/web/institutions/index.ts";
import { needsRendering } from "../../../src/crawl/browser/index.ts";
import { extractArtifacts } from "../../../src/extract/index.ts";
import { isValidInn } from "../../../src/registry/inn.ts";
import { loadRules } from "../../../src/rules/index.ts";
import { STATUSES } from "../../../src/types/index.ts";

let web: Awaited<ReturnType<typeof startInstitutionWeb>>;
const site = (id: string): InstitutionDemoSite => {
  const s = web.sites.find((x) => x.id === id);
  if (!s) throw new Error(`no institution demo site ${id}`);
  return s;
};

async function get(url: string) {
  const res = await request(url, { headersTimeout: 10_000, bodyTimeout: 10_000 });
  const body = Buffer.from(await res.body.arrayBuffer());
  return { status: res.statusCode, type: String(res.headers["content-type"] ?? ""), body };
}

async function pdfText(bytes: Buffer): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false }).promise;
  const parts: string[] = [];
  for (let p = 1; p <= pdf.numPages; p++) {
    const content = await (await pdf.getPage(p)).getTextContent();
    parts.push(content.items.map((i) => ("str" in i ? i.str : "")).join(" "));
  }
  await pdf.destroy();
  return parts.join(" ").replace(/\s+/g, " ");
}

const INSTITUTION_IDS = loadRules()
  .rules.filter((r) => r.appliesTo.kind === "institution")
  .map((r) => r.id)
  .sort();
const BUSGOV_IDS = ["busgov/card", "busgov/improvement-plan", "busgov/plan-report", "busgov/results"];

beforeAll(async () => {
  web = await startInstitutionWeb();
});
afterAll(async () => {
  await web?.close();
});

describe("institution demo web", () => {
  it("serves six institutions of four spheres, each on its own 127.0.0.1 port", () => {
    expect(web.sites.map((s) => s.id)).toEqual([
      "school-12",
      "polyclinic-3",
      "kcson-1",
      "dk-oktyabr",
      "library-central",
      "detsad-45",
    ]);
    expect(new Set(web.sites.map((s) => s.sphere))).toEqual(
      new Set(["education", "health", "social", "culture"]),
    );
    const origins = web.sites.map((s) => new URL(s.url).origin);
    expect(new Set(origins).size).toBe(origins.length);
    for (const s of web.sites) {
      expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      expect(s.kind).toBe("institution");
      expect(s.name).toMatch(/[А-Яа-яЁё]/);
      expect(isValidInn(s.inn), s.inn).toBe(true);
      expect(s.busgovId).toMatch(/^\d+$/);
    }
    expect(site("kcson-1").name).toBe('ГБУ СО ТО "Комплексный центр социального обслуживания населения № 1"');
  });

  it("every site expects a status for each institution rule and each busgov rule, and notes why", () => {
    expect(INSTITUTION_IDS).toHaveLength(7);
    for (const s of web.sites) {
      expect(Object.keys(s.expected).sort(), s.id).toEqual(INSTITUTION_IDS);
      expect(Object.keys(s.expectedBusgov).sort(), s.id).toEqual(BUSGOV_IDS);
      for (const v of [...Object.values(s.expected), ...Object.values(s.expectedBusgov)])
        expect(STATUSES).toContain(v);
      for (const id of [...INSTITUTION_IDS, ...BUSGOV_IDS]) expect(s.notes[id], `${s.id} ${id}`).toBeTruthy();
    }
  });

  it("the expected feedback verdict follows the expected channels (30 points each, 100 at most)", () => {
    for (const s of web.sites) {
      const points = Math.min(100, s.expectedChannels.length * 30);
      const status = points >= 100 ? "pass" : points > 0 ? "warn" : "fail";
      expect(s.expected["institution/feedback-channels"], s.id).toBe(status);
    }
    expect(site("library-central").expectedChannels).toEqual(["phone", "email"]);
    // The kindergarten publishes only a fax number.
    expect(site("detsad-45").expectedChannels).not.toContain("phone");
  });

  it("covers current, stale and missing plans, present and missing reports, real and fake accessible versions", () => {
    const statuses = (rule: string) => new Set(web.sites.map((s) => s.expected[rule]));
    expect(statuses("institution/improvement-plan")).toEqual(new Set(["pass", "warn", "fail"]));
    expect(statuses("institution/plan-report")).toEqual(new Set(["pass", "fail"]));
    expect(statuses("institution/accessible-version")).toEqual(new Set(["pass", "warn", "fail"]));
    expect(statuses("institution/rating-link")).toEqual(new Set(["pass", "warn", "fail"]));
    const busgov = new Set(web.sites.map((s) => s.expectedBusgov["busgov/results"]));
    expect(busgov).toEqual(new Set(["pass", "fail", "unknown"]));
  });

  it("serves pages with their content types; the library in windows-1251 named only in <meta>", async () => {
    const home = await get(site("school-12").url);
    expect(home.status).toBe(200);
    expect(home.type).toMatch(/^text\/html; charset=UTF-8/);
    expect(home.body.toString("utf8")).toContain("Средняя общеобразовательная школа № 12");

    const lib = await get(site("library-central").url);
    expect(lib.type).toBe("text/html");
    const text = iconv.decode(lib.body, "windows-1251");
    expect(text).toContain("charset=windows-1251");
    expect(text).toContain("Центральная городская библиотека");
    expect(lib.body.toString("utf8")).not.toContain("Центральная городская библиотека");

    const missing = await get(new URL("/no-such-page/", site("school-12").url).toString());
    expect(missing.status).toBe(404);
  });

  it("serves the social centre's plan as a real PDF with a text layer, and the kindergarten's plan as DOCX", async () => {
    const pdf = await get(new URL("/upload/iblock/3f2/plan-nok-2025.pdf", site("kcson-1").url).toString());
    expect(pdf.type).toBe("application/pdf");
    expect(pdf.body.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = await pdfText(pdf.body);
    expect(text).toContain("План по устранению недостатков");
    expect(text).toContain("2025");

    const docx = await get(new URL("/upload/nok/plan-2024.docx", site("detsad-45").url).toString());
    expect(docx.type).toMatch(/wordprocessingml/);
    const { value } = await mammoth.extractRawText({ buffer: docx.body });
    expect(value).toContain("План по устранению недостатков");
  });

  it("the polyclinic embeds a real bvi script and the ПОС widget; the special versions differ from the pages", async () => {
    const js = await get(new URL("/bvi/js/bvi.min.js", site("polyclinic-3").url).toString());
    expect(js.type).toMatch(/^application\/javascript/);
    expect(js.body.toString("utf8")).toContain("isvek");
    const home = (await get(site("polyclinic-3").url)).body.toString("utf8");
    expect(home).toContain('src="/bvi/js/bvi.min.js"');
    expect(home).toContain("pos.gosuslugi.ru");

    for (const [id, special] of [
      ["school-12", "/?special=1"],
      ["kcson-1", "/special/"],
      ["library-central", "/?version=special"],
    ] as const) {
      const normal = (await get(site(id).url)).body;
      const other = (await get(new URL(special, site(id).url).toString())).body;
      expect(other.equals(normal), id).toBe(false);
    }
    // The kindergarten's «Версия для слабовидящих» goes nowhere: «#», and no script behind it.
    const kg = (await get(site("detsad-45").url)).body.toString("utf8");
    expect(kg).toMatch(/<a href="#"[^>]*>Версия для слабовидящих<\/a>/);
    expect(kg).not.toMatch(/bvi|special[-_]?version/i);
  });

  it("the culture house's static HTML has no links: its menu exists only in its script", async () => {
    const s = site("dk-oktyabr");
    expect(s.needsBrowser).toBe(true);
    expect(web.sites.filter((x) => x.needsBrowser).map((x) => x.id)).toEqual(["dk-oktyabr"]);
    const res = await get(s.url);
    const html = res.body.toString("utf8");
    const artifacts = await extractArtifacts({
      url: s.url,
      finalUrl: s.url,
      contentKind: "html",
      headers: { "content-type": res.type },
      body: new Uint8Array(res.body),
    });
    expect(artifacts.links).toEqual([]);
    expect(needsRendering(html).render).toBe(true);
    const js = await get(new URL("/static/js/site.js", s.url).toString());
    expect(js.type).toMatch(/^application\/javascript/);
    expect(js.body.toString("utf8")).toContain("Независимая оценка качества");
    // The other sites' home pages are plain server-rendered HTML: the browser is not needed there.
    for (const other of web.sites.filter((x) => !x.needsBrowser)) {
      const body = (await get(other.url)).body;
      const page =
        other.id === "library-central" ? iconv.decode(body, "windows-1251") : body.toString("utf8");
      expect(needsRendering(page).render, other.id).toBe(false);
    }
    // The NOK page itself is there for a browser that follows the built menu.
    expect((await get(new URL("/nok/", s.url).toString())).status).toBe(200);
  });

  it("institutionAgencies gives the bus.gov.ru mock the same INN, id, name and site of every institution", () => {
    const agencies = institutionAgencies(web.sites);
    expect(agencies).toHaveLength(web.sites.length);
    for (const [i, a] of agencies.entries()) {
      const s = web.sites[i]!;
      expect(a).toMatchObject({ id: s.busgovId, inn: s.inn, name: s.name, website: s.url, sphere: s.sphere });
    }
    expect(agencies.find((a) => a.id === site("detsad-45").busgovId)?.quirk).toBe("unexpected-shape");
    expect(agencies.find((a) => a.id === site("library-central").busgovId)?.results).toEqual([]);
    expect(agencies.find((a) => a.id === site("dk-oktyabr").busgovId)?.results.map((r) => r.year)).toEqual([
      2021,
    ]);
  });
});
