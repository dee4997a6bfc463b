import { describe, expect, it } from "vitest";
import { mapCard, mapRatings } from "../../src/extract/busgov/endpoints.ts";
import { cardSchema, commonInfoSchema } from "../../src/extract/busgov/schemas.ts";

const BASE = "https://bus.gov.ru";

describe("agency card", () => {
  it("keeps fullClientName", () => {
    const card = mapCard(
      cardSchema.parse({
        agency: { id: 5, shortClientName: "МБОУ СОШ № 5", fullClientName: "Муниципальное … № 5" },
      }),
      BASE,
      null,
    );
    expect(card).toMatchObject({
      id: "5",
      fullName: "Муниципальное … № 5",
      cardUrl: `${BASE}/pub/info-card/5`,
    });
  });

  it("falls back to branch.headAgency for a branch card without id or phone", () => {
    const json = cardSchema.parse({
      agency: {
        shortClientName: "Филиал № 2 ГБУЗ «ОКБ»",
        inn: "7107002028",
        branch: { headAgency: { id: 700, shortClientName: "ГБУЗ «ОКБ»", phone: "+7 4872 11-11-11" } },
      },
    });
    expect(mapCard(json, BASE, null)).toMatchObject({
      id: "700",
      headAgencyId: "700",
      name: "Филиал № 2 ГБУЗ «ОКБ»",
      phone: "+7 4872 11-11-11",
    });
  });

  it("is a problem, not a crash, when neither the card nor its head agency has an id", () => {
    const json = cardSchema.parse({ agency: { shortClientName: "Без id" } });
    expect(mapCard(json, BASE, null)).toEqual({ problem: expect.stringMatching(/идентификатор/) });
  });
});

describe("NOK results", () => {
  it("keeps every row of every scopeWithRatingsDtos entry, including rows without criteria", () => {
    const json = commonInfoSchema.parse({
      "42": {
        ratingYear: 2025,
        scopeWithRatingsDtos: [
          {
            ratingDetailsDto: [
              { organizationGroup: { groupName: "Стационары" }, opennessValue: 90, comfortValue: 80 },
              { organizationGroup: { groupName: "Поликлиники" }, opennessValue: "95,5", comfortValue: "—" },
            ],
          },
          { ratingDetailsDto: [{ organizationGroup: null, globalPlaceValue: 3 }] },
          { ratingDetailsDto: null },
        ],
      },
    });
    const rows = mapRatings(json, "42");
    expect(Array.isArray(rows) && rows.map((r) => [r.year, r.group ?? null, r.totalScore])).toEqual([
      [2025, "Стационары", 85],
      [2025, "Поликлиники", 95.5],
      [2025, null, null],
    ]);
  });
});
