import { describe, expect, it } from "vitest";
import { phoneLabel } from "../../src/rules/checks/feedback-channels.ts";
import type { SitePageInput } from "../../src/rules/index.ts";
import { loadRules } from "../../src/rules/index.ts";
import { html, runCheck } from "./helpers.ts";

// The shipped rule's parameters: the table tests what the catalogue actually runs.
const rule = loadRules().rules.find((r) => r.id === "institution/feedback-channels");
if (!rule) throw new Error("institution/feedback-channels is missing");
const check = rule.check;
const H = "https://kcson1.example.ru";

async function channels(pages: SitePageInput[] | string, adequate = true) {
  const out = await runCheck(check, pages, { adequate, sphere: "social" });
  return { out, channels: out.details?.channels as string[], points: out.details?.points as number };
}

describe("feedback-channels: each channel detected or not", () => {
  it.each([
    ["phone: a tel: link", html("Ц", "<h1>Ц</h1>", '<a href="tel:+74872245201">24-52-01</a>'), ["phone"]],
    [
      "phone: a number in the contacts text",
      html("Ц", "<h1>Ц</h1><p>Телефон: 8 (4872) 24-52-01</p>"),
      ["phone"],
    ],
    ["phone: tel./fax is a phone", html("Ц", "<h1>Ц</h1><p>Тел./факс: (4872) 24-52-01</p>"), ["phone"]],
    [
      "phone: a tel: link named «Факс» is not",
      html("Ц", "<h1>Ц</h1>", '<a href="tel:+74872245209">Факс: 24-52-09</a>'),
      [],
    ],
    ["phone: a fax number alone is not", html("Ц", "<h1>Ц</h1><p>Факс: 8 (4872) 24-52-09</p>"), []],
    [
      "phone: fax listed after a phone keeps the phone",
      html("Ц", "<h1>Ц</h1><p>Телефон: 8 (4872) 24-52-01, факс: 8 (4872) 24-52-09</p>"),
      ["phone"],
    ],
    ["e-mail: a mailto: link", html("Ц", '<h1>Ц</h1><a href="mailto:kcson@tula.ru">Написать</a>'), ["email"]],
    ["e-mail: an address in the text", html("Ц", "<h1>Ц</h1><p>E-mail: kcson@tula.ru</p>"), ["email"]],
    [
      "form: a non-search form with a textarea",
      html(
        "Ц",
        '<h1>Ц</h1><form method="post"><input name="fio"><textarea name="msg"></textarea><button>Отправить</button></form>',
      ),
      ["form"],
    ],
    [
      "form: a site-search form does not count",
      html(
        "Ц",
        '<h1>Ц</h1><form action="/search/"><input name="q" placeholder="Поиск"><button>Найти</button></form>',
      ),
      [],
    ],
    [
      "form: a subscription form without a textarea does not count",
      html(
        "Ц",
        '<h1>Ц</h1><form action="/subscribe/"><input type="email" name="email"><button>Подписаться</button></form>',
      ),
      [],
    ],
    [
      "form: a comment form under a news item does not count",
      html(
        "Ц",
        '<h1>Ц</h1><form method="post"><label for="c">Ваш комментарий</label><textarea id="c" name="c"></textarea><button>Оставить комментарий</button></form>',
      ),
      [],
    ],
    [
      "form: «Интернет-приёмная» link",
      html("Ц", '<h1>Ц</h1><a href="/priem/">Интернет-приёмная</a>'),
      ["form"],
    ],
    [
      "form: «Обращения граждан» link",
      html("Ц", '<h1>Ц</h1><a href="/obr/">Обращения граждан</a>'),
      ["form"],
    ],
    [
      "form: «Порядок рассмотрения обращений граждан» is not a service",
      html("Ц", '<h1>Ц</h1><a href="/p.pdf">Порядок рассмотрения обращений граждан</a>'),
      [],
    ],
    [
      "form: Госуслуги ПОС widget link",
      html("Ц", '<h1>Ц</h1><a href="https://pos.gosuslugi.ru/form/?opaId=123">Написать</a>'),
      ["form"],
    ],
    [
      "form: Госуслуги ПОС widget without a link («Решаем вместе»)",
      html(
        "Ц",
        '<h1>Ц</h1><div id="js-show-iframe-wrapper"><div>Решаем вместе</div><button>Написать</button></div>',
      ),
      ["form"],
    ],
    [
      "faq: «Часто задаваемые вопросы»",
      html("Ц", '<h1>Ц</h1><a href="/faq/">Часто задаваемые вопросы</a>'),
      ["faq"],
    ],
    ["faq: «Вопрос-ответ»", html("Ц", '<h1>Ц</h1><a href="/qa/">Вопрос-ответ</a>'), ["faq"]],
    [
      "faq: a page so named",
      html("Вопрос – ответ", "<h1>Вопрос – ответ</h1><p>Как записаться?</p>"),
      ["faq"],
    ],
    [
      "survey: «Анкета» link",
      html("Ц", '<h1>Ц</h1><a href="/anketa/">Анкета получателя социальных услуг</a>'),
      ["survey"],
    ],
    [
      "survey: «Оцените качество»",
      html("Ц", '<h1>Ц</h1><a href="/o/">Оцените качество наших услуг</a>'),
      ["survey"],
    ],
    [
      "survey: a bus.gov.ru rating link whatever its words",
      html("Ц", '<h1>Ц</h1><a href="https://bus.gov.ru/qrcode/rate/512345"><img src="/qr.png" alt=""></a>'),
      ["survey"],
    ],
    [
      "survey: a questionnaire form counts as a survey, not an appeal form",
      html(
        "Ц",
        '<h1>Ц</h1><form method="post"><p>Анкета для оценки качества условий оказания услуг</p><input type="radio" name="q1" value="1"><textarea name="c"></textarea><button>Отправить</button></form>',
      ),
      ["survey"],
    ],
    [
      "survey: «Опрос о работе сайта» does not count",
      html("Ц", '<h1>Ц</h1><a href="/poll/">Опрос: оцените удобство сайта</a>'),
      [],
    ],
    [
      "survey: «Анкета соискателя» (a job form) does not count",
      html("Ц", '<h1>Ц</h1><a href="/a.docx">Анкета соискателя</a>'),
      [],
    ],
    [
      "survey: a Google form is a survey, a Google document is not",
      html(
        "Ц",
        '<h1>Ц</h1><a href="https://docs.google.com/document/d/1">Положение</a><a href="https://docs.google.com/forms/d/e/1/viewform">Пройдите</a>',
      ),
      ["survey"],
    ],
    [
      "survey: a bare bus.gov.ru banner does not count",
      html("Ц", '<h1>Ц</h1><a href="https://bus.gov.ru/">bus.gov.ru</a>'),
      [],
    ],
  ])("%s", async (_name, page, expected) => {
    const r = await channels(page);
    expect(r.channels).toEqual(expected);
  });
});

describe("feedback-channels: points and status", () => {
  const phone = "<p>Телефон: 8 (4872) 24-52-01</p>";
  const email = "<p>E-mail: kcson@tula.ru</p>";
  const form = '<a href="/priem/">Интернет-приёмная</a>';
  const faq = '<a href="/faq/">Вопрос-ответ</a>';
  const survey = '<a href="/anketa/">Анкета получателя услуг</a>';
  it.each([
    [[], 0, "fail"],
    [[phone], 30, "warn"],
    [[phone, email], 60, "warn"],
    [[phone, email, form], 90, "warn"],
    [[phone, email, form, faq], 100, "pass"],
    [[phone, email, form, faq, survey], 100, "pass"],
    [[faq, survey], 60, "warn"],
  ])("%j → %i points, %s", async (parts, points, status) => {
    const r = await channels(html("Ц", `<h1>Ц</h1>${parts.join("")}`));
    expect(r.points).toBe(points);
    expect(r.out.status).toBe(status);
    expect(r.channels.length).toBe(parts.length);
    // One piece of evidence per channel found.
    expect(r.out.evidence.length).toBe(parts.length);
  });

  it("channels spread over several pages add up, in contract order", async () => {
    const pages = [
      {
        url: `${H}/`,
        html: html(
          "КЦСОН",
          '<h1>КЦСОН</h1><a href="/kontakty/">Контакты</a><a href="/faq/">Вопрос-ответ</a>',
        ),
      },
      {
        url: `${H}/kontakty/`,
        html: html("Контакты", "<h1>Контакты</h1><p>E-mail: kcson@tula.ru. Тел.: (4872) 24-52-01</p>"),
      },
      { url: `${H}/faq/`, html: html("Вопрос-ответ", "<h1>Вопрос-ответ</h1><p>Как оформить услугу?</p>") },
    ];
    const r = await channels(pages);
    expect(r.channels).toEqual(["phone", "email", "faq"]);
    expect(r.points).toBe(90);
    const phoneEvidence = r.out.evidence.find((e) => e.excerpt.startsWith("Телефон"));
    expect(phoneEvidence?.url).toBe(`${H}/kontakty/`);
  });

  it("says that presence is what the crawler saw, not that channels work", async () => {
    const r = await channels(html("Ц", "<h1>Ц</h1><p>Телефон: 8 (4872) 24-52-01</p>"));
    expect(r.out.message).toContain("видно при обходе");
    expect(r.out.message).toContain("30 баллов из 100");
    expect(r.out.details?.missing).toEqual(["email", "form", "faq", "survey"]);
  });

  it("a partial result on an incomplete crawl stays warn and says more may exist", async () => {
    const r = await channels(html("Ц", "<h1>Ц</h1><p>Телефон: 8 (4872) 24-52-01</p>"), false);
    expect(r.out.status).toBe("warn");
    expect(r.out.message).toContain("Обход неполный");
  });
});

describe("phoneLabel", () => {
  it.each([
    ["Телефон: 8 (4872) 24-52-01", "+74872245201", "phone"],
    ["Факс: 8 (4872) 24-52-09", "+74872245209", "fax"],
    ["ф. (4872) 24-52-09", "+74872245209", "fax"],
    ["т/ф (4872) 24-52-01", "+74872245201", "phone"],
    ["Тел.-факс: 8-4872-24-52-01", "+74872245201", "phone"],
    ["Приёмная 8 (4872) 24-52-01; факс 8 (4872) 24-52-09", "+74872245209", "fax"],
    ["Приёмная 8 (4872) 24-52-01; факс 8 (4872) 24-52-09", "+74872245201", "phone"],
    ["Звоните: +7 (4872) 24-52-01", "+74872245201", "phone"],
    // The same number as fax and, elsewhere, as a phone: it is a phone.
    ["Факс 24-52-01 … Справки по телефону (4872) 24-52-01", "+74872245201", "phone"],
  ])("%s → %s is %s", (text, phone, label) => {
    expect(phoneLabel(text, phone).label).toBe(label);
  });
});
