import { describe, expect, it } from "vitest";
import { escapeHtml } from "../../src/report/escape-html.ts";
import { renderHtml } from "../../src/report/html.ts";
import { checkRun, evidence, nationalRun, syntheticRun } from "./fixtures.ts";

function maliciousRun() {
  const run = checkRun();
  const f = run.sites[0]!.findings[0]!;
  f.message = `Найдено <img src=x onerror=alert(1)>`;
  f.evidence = [
    evidence("javascript:alert(document.cookie)", {
      excerpt: `до <script>alert("xss")</script> после`,
      linkText: `<b onmouseover="x()">Раздел</b>`,
    }),
    evidence(`https://example.ru/a"onclick="x()`, { excerpt: "ok", linkText: "кавычка" }),
  ];
  run.sites[0]!.name = "Министерство <script>1</script>";
  return run;
}

describe("escapeHtml", () => {
  it("escapes the five HTML metacharacters", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    expect(escapeHtml(null)).toBe("");
  });
});

describe("renderHtml — check", () => {
  const html = renderHtml(checkRun());

  it("is one self-contained Russian page", () => {
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).toContain('<html lang="ru">');
    expect(html).toContain("<style>");
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/<img\b/i);
    expect(html).not.toMatch(/url\(/i);
  });

  it("shows the site header, the verdict table and «Что проверено»", () => {
    expect(html).toContain("Министерство здравоохранения Тульской области");
    expect(html).toContain("Состояние проверки");
    expect(html).toContain("<b>70</b> из 100");
    expect(html).toContain("1 мин 5 с");
    expect(html).toContain("Где найдено");
    expect(html).toContain("Что проверено");
    // Rule title for the status: failing wording for a failed rule.
    expect(html).toContain("В положении об общественном совете нет полномочий по НОК");
    expect(html).toContain("не удалось проверить");
    expect(html).toContain(">Независимая оценка качества</a>");
    expect(html).toContain("глубина 2");
    expect(html).toContain("0123456789ab");
  });

  it("gives every rule its description and legal basis", () => {
    expect(html).toContain("Требования и правовые основания");
    expect(html).toContain("Федеральный закон от 05.12.2017 № 392-ФЗ");
    expect(html).toContain("Правовые основания");
  });
});

describe("renderHtml — escaping crawled content", () => {
  const html = renderHtml(maliciousRun());

  it("never lets crawled markup through", () => {
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("<script>1</script>");
    expect(html).toContain("&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;");
    expect(html).not.toContain("<img src=x");
    expect(html).not.toContain('<b onmouseover="x()">');
    // The only script is the inline print helper.
    expect(html.match(/<script>/g)).toHaveLength(1);
  });

  it("links only http(s) URLs and keeps quotes inside attributes", () => {
    expect(html).not.toMatch(/href="javascript:/i);
    // The javascript: evidence stays visible as inert text.
    expect(html).toContain('<span class="url">&lt;b onmouseover=&quot;x()&quot;&gt;Раздел&lt;/b&gt;</span>');
    expect(html).not.toContain('onclick="x()"');
    expect(html).toMatch(/href="https:\/\/example\.ru\/a%22onclick=%22x\(\)"/);
  });
});

describe("renderHtml — national run", () => {
  const html = renderHtml(nationalRun());

  it("starts with the national summary and has the ministry-style failing list", () => {
    const summary = html.indexOf("Сводка по субъектам Российской Федерации");
    const regions = html.indexOf('id="regions"');
    expect(summary).toBeGreaterThan(0);
    expect(summary).toBeLessThan(regions);
    expect(html).toContain("<li>Республика Калмыкия (здравоохранение, социальное обслуживание, спорт);</li>");
    expect(html).toContain("<li>Республика Мордовия (здравоохранение);</li>");
    expect(html).toContain("<li>Иркутская область (культура).</li>");
    expect(html).toContain("в сфере здравоохранения — в 3 субъектах Российской Федерации");
  });

  it("shows the matrix per sphere, institution coverage, the diff and every region", () => {
    expect(html).toContain("Субъекты × требования");
    expect(html).toContain('<h3 id="m-health">здравоохранение</h3>');
    expect(html).toContain('<td class="f">✗</td>');
    expect(html).toContain("Доля организаций с результатами НОК на bus.gov.ru: <b>50 %</b>");
    expect(html).toContain("Изменения по сравнению с запуском 2025-02-01T02-00-00Z");
    expect(html).toContain("Новое нарушение");
    for (const name of ["Республика Калмыкия", "Тульская область", "Байконур (без сайтов)"]) {
      expect(html).toContain(`${name} <span class="muted small">`);
    }
    expect(html).toContain("Сайты субъекта в проверку не включены.");
    // An unreachable site is explained once, not once per rule.
    expect(html.match(/Сайт недоступен \(превышено время ожидания: connect timeout\)/g)).toHaveLength(1);
  });

  it("stays a few MB for 89 regions × 5 spheres × 13 rules", () => {
    const big = renderHtml(syntheticRun(89));
    const bytes = Buffer.byteLength(big);
    console.info(`HTML for a synthetic 89 × 5 × 13 run: ${bytes} bytes`);
    expect(bytes).toBeLessThan(4 * 1024 * 1024);
    expect(big.match(/<section class="region">/g)).toHaveLength(89);
  });
});
