import { describe, expect, it } from "vitest";
import { mdEscape, mdLink, renderMarkdown } from "../../src/report/markdown.ts";
import { checkRun, evidence, nationalRun } from "./fixtures.ts";

describe("renderMarkdown", () => {
  it("renders a check as headings and a verdict table", () => {
    const md = renderMarkdown(checkRun());
    expect(md).toContain("# Проверка сайта");
    expect(md).toContain("## Министерство здравоохранения Тульской области");
    expect(md).toContain("| Требование | Статус | Где найдено | Фрагмент | Снимок |");
    expect(md).toContain("✗ не соответствует");
    expect(md).toContain(
      "[Независимая оценка качества](https://example.ru/nok/nok-section) (глубина 2, дата 05.11.2024)",
    );
    expect(md).toContain("**Что проверено**");
    expect(md).toContain("## Требования и правовые основания");
    expect(md).toContain("- Федеральный закон от 05.12.2017 № 392-ФЗ");
  });

  it("renders the national summary with the ministry-style list", () => {
    const md = renderMarkdown(nationalRun());
    expect(md).toContain("## Сводка по субъектам Российской Федерации");
    expect(md).toContain(
      "| Требование | здравоохранение | социальное обслуживание | культура | физическая культура и спорт |",
    );
    expect(md).toContain(
      "- Республика Калмыкия (здравоохранение, социальное обслуживание, спорт);\n- Республика Мордовия (здравоохранение);\n- Иркутская область (культура).",
    );
    expect(md).toContain("## Субъекты × требования");
    expect(md).toContain("## Изменения по сравнению с запуском");
    expect(md).toContain("### Байконур (без сайтов) (код 99)");
  });

  it("escapes crawled text and links only http(s)", () => {
    const run = checkRun();
    run.sites[0]!.findings[0]!.evidence = [
      evidence("javascript:alert(1)", {
        excerpt: "<script>alert(1)</script> | *x*",
        linkText: "[клик](javascript:x)",
      }),
    ];
    const md = renderMarkdown(run);
    expect(md).not.toContain("<script>");
    expect(md).toContain("\\<script\\>alert(1)\\</script\\> \\| \\*x\\*");
    // Brackets are escaped, so no link can form; the javascript: URL itself is never a link target.
    expect(md).toContain("\\[клик\\](javascript:x)");
    expect(md).not.toMatch(/[^\\]\]\(javascript:/);
    expect(mdEscape("a|b\nc")).toBe("a\\|b c");
    expect(mdLink("https://e.ru/a (b)", "т")).toBe("[т](https://e.ru/a%20%28b%29)");
  });
});
