import { describe, expect, it } from "vitest";
import { loadRules } from "../../../src/rules/index.ts";
import { html, runCheck } from "../helpers.ts";

const check = loadRules().rules.find((r) => r.id === "authority/council-nok-powers")!.check;
const H = "https://min.example.ru";
const generic =
  "Положение об общественном совете при министерстве. Совет обеспечивает взаимодействие граждан с министерством, проводит общественную экспертизу проектов нормативных правовых актов, осуществляет общественный контроль, рассматривает ежегодный план деятельности министерства и отчёт о его выполнении, заслушивает руководителей подведомственных учреждений, готовит предложения по совершенствованию законодательства. Заседания проводятся не реже раза в квартал.";

function withDoc(
  doc: { text?: string; scanned?: boolean; error?: string; kind?: string },
  linkText = "Положение об общественном совете",
) {
  return [
    {
      url: `${H}/council/`,
      html: html("Общественный совет", `<h1>Общественный совет</h1><a href="/pol.pdf">${linkText}</a>`),
    },
    { url: `${H}/pol.pdf`, kind: doc.kind ?? "pdf", ...doc },
  ];
}

describe("nested-document check (council NOK powers)", () => {
  it.each([
    [
      "the regulation gives NOK powers",
      withDoc({ text: `${generic} Совет проводит независимую оценку качества условий оказания услуг.` }),
      "pass",
    ],
    [
      "R2013 wording counts",
      withDoc({
        text: `${generic} Совет участвует в формировании независимой системы оценки качества работы организаций.`,
      }),
      "pass",
    ],
    ["a generic regulation fails with the regulation as evidence", withDoc({ text: generic }), "fail"],
    ["a scan is unknown", withDoc({ scanned: true }), "unknown"],
    ["an extraction error is unknown", withDoc({ error: "повреждённый файл" }), "unknown"],
    [
      // The link's words are not the document's text: what the scan says is unknown.
      "a link naming NOK to a scan is unknown",
      withDoc(
        { scanned: true },
        "Положение об общественном совете по проведению независимой оценки качества",
      ),
      "unknown",
    ],
    ["no regulation: fail on absence", [{ url: `${H}/`, html: html("Совет", "<h1>Совет</h1>") }], "fail"],
  ] as const)("%s → %s", async (_n, pages, status) => {
    expect((await runCheck(check, [...pages])).status).toBe(status);
  });

  it("a fail that rests on the regulation keeps its evidence", async () => {
    const out = await runCheck(check, withDoc({ text: generic }));
    expect(out.evidence[0]?.url).toBe(`${H}/pol.pdf`);
    expect(out.message).toContain("нет");
  });

  it("the section the regulation is linked from does not lend it powers", async () => {
    const pages = [
      {
        url: `${H}/nok/`,
        html: html(
          "Независимая оценка качества",
          '<h1>Независимая оценка качества</h1><a href="/pol.pdf">Скачать положение об общественном совете</a>',
        ),
      },
      { url: `${H}/pol.pdf`, kind: "pdf", text: generic },
    ];
    expect((await runCheck(check, pages)).status).toBe("fail");
  });

  it("a regulation of an unrelated council is not the one sought", async () => {
    const pages = withDoc({ text: generic }, "Положение об общественном совете при министерстве транспорта");
    expect((await runCheck(check, pages)).status).toBe("fail");
    expect((await runCheck(check, pages)).evidence).toEqual([]);
  });
});
