import iconv from "iconv-lite";
import mammoth from "mammoth";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { request } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WordExtractor from "word-extractor";
import XLSX from "xlsx";
import { DEMO_SPECS } from "../../demo/web/catalogue.ts";
import { DEMO_CONTENT_UNTIL } from "../../demo/web/clock.ts";
import { AUTHORITY_RULE_IDS } from "../../demo/web/rule-ids.ts";
import { buildDemoSite, type DemoSite, type DemoWeb, startDemoWeb } from "../../demo/web/web.ts";
import { STATUSES } from "../../src/types/index.ts";

let web: DemoWeb;
const site = (id: string): DemoSite => {
  const s = web.sites.find((x) => x.id === id);
  if (!s) throw new Error(`no demo site ${id}`);
  return s;
};

async function get(url: string, headers: Record<string, string> = {}) {
  const res = await request(url, { headers, headersTimeout: 10_000, bodyTimeout: 10_000 });
  const body = Buffer.from(await res.body.arrayBuffer());
  const h = (name: string): string => String(res.headers[name] ?? "");
  return { status: res.statusCode, header: h, body };
}

/** Text of every page of a PDF (pdfjs legacy build, as the extract stage uses). */
async function pdfText(bytes: Buffer): Promise<string[]> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let p = 1; p <= pdf.numPages; p++) {
    const content = await (await pdf.getPage(p)).getTextContent();
    pages.push(
      content.items
        .map((i) => ("str" in i ? i.str : ""))
        .join(" ")
        .replace(/\s+/g, " "),
    );
  }
  await pdf.destroy();
  return pages;
}

/** The first evidence URL of a rule whose path ends with `ext`. */
function evidenceFile(s: DemoSite, rule: string, ext: string): string {
  const url = (s.evidence[rule] ?? []).find((u) => u.endsWith(ext));
  if (!url) throw new Error(`${s.id}: no ${ext} evidence for ${rule}`);
  return url;
}

beforeAll(async () => {
  web = await startDemoWeb({ slowLatencyMs: 50 });
});

afterAll(async () => {
  await web?.close();
});

describe("demo web", () => {
  it("serves the hand-made catalogue with real names, regions and spheres", () => {
    expect(web.sites.length).toBeGreaterThanOrEqual(8);
    for (const s of web.sites) {
      expect(s.kind).toBe("authority");
      expect(s.name).toMatch(/^(Министерство|Департамент) [а-яё]/);
      expect(s.region).toMatch(/^\d{2}$/);
      expect(new URL(s.url).hostname).toBe("127.0.0.1");
    }
    const spheres = new Set(web.sites.map((s) => s.sphere));
    for (const sphere of ["social", "health", "culture", "education"]) expect(spheres).toContain(sphere);
    expect(new Set(web.sites.map((s) => new URL(s.url).port)).size).toBe(web.sites.length);
  });

  it("every site's expected covers the 13 authority rules with valid statuses and a note each", () => {
    for (const s of web.sites) {
      expect(Object.keys(s.expected).sort(), s.id).toEqual([...AUTHORITY_RULE_IDS].sort());
      for (const id of AUTHORITY_RULE_IDS) {
        expect(STATUSES, `${s.id} ${id}`).toContain(s.expected[id]);
        expect(s.notes[id]?.length ?? 0, `${s.id} ${id}`).toBeGreaterThan(10);
      }
    }
  });

  it("evidence exists exactly where a correct checker would find something", () => {
    for (const s of web.sites.filter((x) => x.id !== "mordovia-health")) {
      for (const id of AUTHORITY_RULE_IDS) {
        const found = (s.evidence[id] ?? []).length > 0;
        expect(found, `${s.id} ${id} is ${s.expected[id]}`).toBe(s.expected[id] !== "fail");
      }
    }
  });

  it("home pages answer 200 with the content type of their CMS", async () => {
    for (const s of web.sites.filter((x) => x.id !== "mordovia-health")) {
      const res = await get(s.url);
      expect(res.status, s.id).toBe(200);
      if (s.shape === "legacy") expect(res.header("content-type"), s.id).toBe("text/html");
      else expect(res.header("content-type"), s.id).toBe("text/html; charset=UTF-8");
      expect(res.body.length, s.id).toBeGreaterThan(2000);
    }
  });

  it("the legacy site is windows-1251 with the charset only in <meta http-equiv>", async () => {
    const s = site("kalmykia-health");
    const { body } = await get(s.url);
    const html = iconv.decode(body, "win1251");
    expect(html).toMatch(/<meta http-equiv="Content-Type" content="text\/html; charset=windows-1251">/);
    expect(html).toContain("Министерство здравоохранения Республики Калмыкия");
    expect(body.toString("utf8")).not.toContain("Министерство");
    const nok = await get(`${s.url}nsok/index.php`);
    expect(iconv.decode(nok.body, "win1251")).toContain("Независимая система оценки качества работы");
  });

  it("every page of the legacy site is representable in windows-1251 (no «?» substitutions)", async () => {
    const { build } = await buildDemoSite(DEMO_SPECS.find((x) => x.id === "kalmykia-health")!);
    for (const [path, r] of build.resources) {
      if (r.kind !== "page") continue;
      const html = r.render({ special: false, origin: "" });
      expect(iconv.decode(iconv.encode(html, "win1251"), "win1251"), path).toBe(html);
    }
  });

  it("PDFs carry Russian text; the regulation of a NOK council names NOK", async () => {
    const s = site("tula-social");
    const res = await get(evidenceFile(s, "authority/council-nok-powers", ".pdf"));
    expect(res.header("content-type")).toBe("application/pdf");
    expect(res.header("etag")).toMatch(/^".+"$/);
    expect(Date.parse(res.header("last-modified"))).toBeGreaterThan(0);
    const [page1] = await pdfText(res.body);
    expect(page1).toContain("ПОЛОЖЕНИЕ");
    expect((await pdfText(res.body)).join(" ")).toContain(
      "независимой оценки качества условий оказания услуг",
    );
  });

  it("the scanned PDF has no text layer", async () => {
    const s = site("smolensk-culture");
    const res = await get(evidenceFile(s, "authority/council-composition", ".pdf"));
    expect(res.header("content-type")).toBe("application/pdf");
    expect(res.body.length).toBeGreaterThan(10_000);
    const pages = await pdfText(res.body);
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.join("").trim()).toBe("");
  });

  it("the generic council regulation (a real Word 97 .doc) says nothing of НОК", async () => {
    const s = site("kalmykia-health");
    const res = await get(evidenceFile(s, "authority/council-regulation", ".doc"));
    expect(res.header("content-type")).toBe("application/msword");
    const text = (await new WordExtractor().extract(res.body)).getBody();
    expect(text).toContain("об Общественном совете при Министерстве здравоохранения Республики Калмыкия");
    expect(text).not.toMatch(/независим/i);
  });

  it("DOCX and XLSX documents open with the usual readers", async () => {
    const s = site("tula-social");
    const docx = await get(evidenceFile(s, "authority/org-list", ".docx"));
    expect(docx.header("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect((await mammoth.extractRawText({ buffer: docx.body })).value).toMatch(
      /в отношении которых проводится независимая оценка качества условий оказания услуг/,
    );
    const xlsx = await get(evidenceFile(s, "authority/results", ".xlsx"));
    const sheet = XLSX.read(xlsx.body).Sheets.Рейтинг!;
    const csv = XLSX.utils.sheet_to_csv(sheet);
    expect(csv).toContain("К3 Доступность услуг для инвалидов");
    expect(csv).toContain("Итоговый балл");
  });

  it("documents honour conditional requests", async () => {
    const url = evidenceFile(site("tula-social"), "authority/results", ".xlsx");
    const first = await get(url);
    const again = await get(url, { "if-none-match": first.header("etag") });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it("«Версия для слабовидящих» really changes the page, except on the site that fakes it", async () => {
    const tula = site("tula-social");
    const normal = (await get(tula.url)).body.toString();
    const special = (await get(`${tula.url}?special=Y`)).body.toString();
    expect(normal).toContain("Версия для слабовидящих");
    expect(special).toContain('class="special-version');
    expect(special).toContain("special.css");
    expect(normal).not.toContain("special.css");
    const irk = site("irkutsk-culture");
    const a = (await get(irk.url)).body.toString();
    const b = (await get(`${irk.url}?special=Y`)).body.toString();
    expect(a).toContain("Версия для слабовидящих");
    expect(b).toBe(a);
  });

  it("has robots.txt and sitemap.xml where the CMS has them, real 404s and slash redirects", async () => {
    const tula = site("tula-social");
    const robots = await get(`${tula.url}robots.txt`);
    expect(robots.body.toString()).toMatch(/Sitemap: http:\/\/127\.0\.0\.1:\d+\/sitemap\.xml/);
    const sitemap = (await get(`${tula.url}sitemap.xml`)).body.toString();
    expect(sitemap).toContain("/activity/nezavisimaya-otsenka-kachestva-usloviy-okazaniya-uslug/");
    expect((await get(`${site("kalmykia-health").url}robots.txt`)).status).toBe(404);
    const missing = await get(`${tula.url}no-such-page/`);
    expect(missing.status).toBe(404);
    expect(missing.body.toString()).toContain("Страница не найдена");
    const redirect = await get(`${tula.url}activity`);
    expect(redirect.status).toBe(301);
    expect(redirect.header("location")).toBe("/activity/");
  });

  it("no document is dated after the content horizon", async () => {
    for (const s of web.sites.filter((x) => x.id !== "mordovia-health")) {
      const url = Object.values(s.evidence)
        .flat()
        .find((u) => /\.(pdf|docx|xlsx|xls|doc)$/.test(u));
      if (!url) continue;
      const lm = Date.parse((await get(url)).header("last-modified"));
      expect(lm, url).toBeLessThanOrEqual(Date.parse(`${DEMO_CONTENT_UNTIL}T23:59:59Z`));
    }
  });

  it("the unreachable site refuses connections", async () => {
    const s = site("mordovia-health");
    expect(Object.values(s.expected).every((x) => x === "unknown")).toBe(true);
    const err = await request(s.url).then(
      () => null,
      (e: unknown) => e as { code?: string },
    );
    expect(err?.code).toBe("ECONNREFUSED");
  });
});
