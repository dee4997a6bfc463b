import { describe, expect, it } from "vitest";
import { html, runCheck } from "../helpers.ts";

const regulation = {
  type: "document",
  what: "положение об общественном совете",
  phrases: ["положение об общественном совете", "положения об общественном совете"],
  excludePhrases: ["проект положения"],
  unrelatedPhrases: ["транспорт*", "дорожн*"],
};

describe("document check", () => {
  it.each([
    ["link text", html("Совет", '<a href="/p.pdf">Положение об Общественном совете</a>'), "pass"],
    [
      "words beside a «Скачать» link in a table row",
      html(
        "Совет",
        '<table><tr><td>Положение об общественном совете</td><td><a href="/p.pdf">Скачать (PDF, 245 Кб)</a></td></tr></table>',
      ),
      "pass",
    ],
    [
      "heading of a page",
      html(
        "Положение",
        "<h1>Положение об общественном совете</h1><p>1. Общие положения. Совет является органом…</p>",
      ),
      "pass",
    ],
    [
      "a draft is excluded",
      html("Проекты", '<a href="/p.docx">Проект положения об общественном совете</a>'),
      "fail",
    ],
    [
      "another body's council",
      html("Советы", '<a href="/p.pdf">Положение об общественном совете при министерстве транспорта</a>'),
      "fail",
    ],
    [
      "another sphere's ministry (health on a social site)",
      html(
        "Советы",
        '<a href="/p.pdf">Положение об общественном совете при министерстве здравоохранения</a>',
      ),
      "fail",
    ],
    ["nothing", html("Министерство", "<p>Новости</p>"), "fail"],
  ])("%s → %s", async (_n, page, status) => {
    expect((await runCheck(regulation, page)).status).toBe(status);
  });

  it("cuts a shared context between several «Скачать» links (descriptions precede their links)", async () => {
    const page = html(
      "Совет",
      '<p>Положение об общественном совете <a href="/a.pdf">Скачать</a> Состав совета <a href="/b.pdf">Скачать</a></p>',
    );
    const out = await runCheck(regulation, page);
    expect(out.status).toBe("pass");
    expect(out.evidence.map((e) => e.url)).toEqual(["https://min.example.ru/a.pdf"]);
  });

  it("reads the opening lines of a document and its date", async () => {
    const out = await runCheck({ ...regulation, freshness: { notBefore: "2018-03-06" } }, [
      { url: "https://min.example.ru/", html: html("Совет", '<a href="/f.pdf">Скачать (PDF)</a>') },
      {
        url: "https://min.example.ru/f.pdf",
        kind: "pdf",
        text: "Утверждено приказом от 20.05.2014 № 215. Положение об общественном совете при министерстве.",
      },
    ]);
    expect(out.status).toBe("warn");
    expect(out.evidence[0]?.date).toBe("2014-05-20");
    expect(out.message).toContain("20.05.2014");
  });

  it("ignores the date of a cited federal law", async () => {
    const out = await runCheck({ ...regulation, freshness: { notBefore: "2018-03-06" } }, [
      { url: "https://min.example.ru/", html: html("Совет", '<a href="/f.pdf">Скачать</a>') },
      {
        url: "https://min.example.ru/f.pdf",
        kind: "pdf",
        text: "Положение об общественном совете, разработано в соответствии с Федеральным законом от 05.12.2017 № 392-ФЗ.",
      },
    ]);
    expect(out.evidence[0]?.date).toBeNull();
  });

  it("requires NOK context when asked: the page or the pages linking to it", async () => {
    const list = {
      type: "document",
      what: "перечень",
      phrases: ["перечень организаций"],
      requireContext: "nok",
    };
    expect(
      (await runCheck(list, html("Учреждения", '<a href="/l.pdf">Перечень организаций</a>'))).status,
    ).toBe("fail");
    expect(
      (
        await runCheck(
          list,
          html(
            "Независимая оценка качества",
            '<h1>Независимая оценка качества</h1><a href="/l.pdf">Перечень организаций</a>',
          ),
        )
      ).status,
    ).toBe("pass");
  });

  it("does not count a news item when excludeNews is set", async () => {
    const results = {
      type: "document",
      what: "результаты",
      phrases: ["итоги независимой оценки"],
      excludeNews: true,
    };
    const pages = [
      {
        url: "https://min.example.ru/",
        html: html("Главная", '<a href="/news/1/">Подведены итоги независимой оценки качества</a>'),
      },
      {
        url: "https://min.example.ru/news/1/",
        html: html("Подведены итоги независимой оценки качества", "<p>Итоги будут опубликованы.</p>"),
      },
    ];
    expect((await runCheck(results, pages)).status).toBe("fail");
  });

  it("does not take a footer banner to an unread site as evidence", async () => {
    const results = { type: "document", what: "результаты", phrases: ["результаты независимой оценки"] };
    const page = html(
      "Главная",
      "<p>Министерство</p>",
      '<footer><a href="https://bus.gov.ru/pub/independentRating/list">Результаты независимой оценки качества</a></footer>',
    );
    expect((await runCheck(results, page)).status).toBe("fail");
  });

  it("treats a heading followed by a placeholder as empty", async () => {
    const page = html(
      "Совет",
      "<h2>Положение об общественном совете</h2><p>Информация будет размещена позднее.</p>",
    );
    expect((await runCheck(regulation, page)).status).toBe("fail");
  });

  it("accepts a council page listing people when persons is set", async () => {
    const composition = {
      type: "document",
      what: "состав",
      phrases: ["состав общественного совета"],
      persons: { min: 4, labelPhrases: ["общественный совет"] },
    };
    const names = "Орлов Сергей Николаевич, Белова Ирина Юрьевна, Зайцев П.А., Морозова Е.В.";
    expect(
      (await runCheck(composition, html("Общественный совет", `<h1>Общественный совет</h1><p>${names}</p>`)))
        .status,
    ).toBe("pass");
    expect(
      (
        await runCheck(
          composition,
          html("Общественный совет", "<h1>Общественный совет</h1><p>Орлов Сергей Николаевич</p>"),
        )
      ).status,
    ).toBe("fail");
  });

  it("marks evidence found only by a link as unread", async () => {
    const out = await runCheck(
      regulation,
      html("Совет", '<a href="/p.pdf">Положение об общественном совете</a>'),
    );
    expect(out.message).toContain("не прочитан");
    expect(out.evidence[0]).toMatchObject({
      url: "https://min.example.ru/p.pdf",
      linkText: "Положение об общественном совете",
      depth: 1,
    });
    expect(out.evidence[0]?.snapshot).toMatch(/^sha256:/);
  });
});

describe("document dates", () => {
  it("takes an undated news page's date from the lead of its text", async () => {
    const minutes = {
      type: "document",
      what: "заседания",
      phrases: ["заседание общественного совета"],
      freshness: { maxAgeMonths: 12 },
    };
    const page = html(
      "Состоялось заседание общественного совета",
      '<div class="date">14.02.2019</div><p>Члены совета обсудили результаты.</p>',
    );
    const out = await runCheck(minutes, page);
    expect(out.status).toBe("warn");
    expect(out.evidence[0]?.date).toBe("2019-02-14");
  });
});

describe("unreadable documents", () => {
  const composition = { type: "document", what: "состав", phrases: ["состав общественного совета"] };
  const H = "https://min.example.ru";
  it("an unnamed scan in the council's material leaves an absence open (unknown)", async () => {
    const pages = [
      {
        url: `${H}/sovet/`,
        html: html(
          "Общественный совет",
          '<h1>Общественный совет</h1><a href="/s.pdf">Приказ от 17.02.2025 № 123-о</a>',
        ),
      },
      { url: `${H}/s.pdf`, kind: "pdf", scanned: true },
    ];
    const out = await runCheck(composition, pages);
    expect(out.status).toBe("unknown");
    expect(out.message).toContain("скан");
  });

  it("a scan named for something else does not", async () => {
    const pages = [
      {
        url: `${H}/sovet/`,
        html: html(
          "Общественный совет",
          '<h1>Общественный совет</h1><a href="/s.pdf">Положение об общественном совете</a>',
        ),
      },
      { url: `${H}/s.pdf`, kind: "pdf", scanned: true },
    ];
    expect((await runCheck(composition, pages)).status).toBe("fail");
  });

  it("an unnamed scan elsewhere on the site does not", async () => {
    const pages = [
      {
        url: `${H}/docs/`,
        html: html("Закупки", '<h1>Закупки</h1><a href="/s.pdf">Приказ от 17.02.2025 № 123-о</a>'),
      },
      { url: `${H}/s.pdf`, kind: "pdf", scanned: true },
    ];
    expect((await runCheck(composition, pages)).status).toBe("fail");
  });
});

describe("whose council", () => {
  it("a «Состав» tab of another body's council page is not the composition sought", async () => {
    const check = {
      type: "document",
      what: "состав",
      phrases: ["состав"],
      labels: ["heading", "link", "title"],
      maxGap: 0,
      requirePhrases: ["общественный совет"],
      unrelatedPhrases: ["дорожн*", "транспорт*"],
    };
    const page = html(
      "Общественный совет при управлении дорожного хозяйства",
      "<h1>Общественный совет при управлении дорожного хозяйства</h1><h2>Состав</h2><p>Иванов Геннадий Михайлович — инженер</p>",
    );
    expect((await runCheck(check, page, { sphere: "culture" })).status).toBe("fail");
    const own = page.replaceAll("управлении дорожного хозяйства", "министерстве культуры");
    expect((await runCheck(check, own, { sphere: "culture" })).status).toBe("pass");
  });
});
