import { describe, expect, it } from "vitest";
import {
  formatMinistryList,
  formatSphereList,
  SPHERE_NAMES,
  STATUS_NAMES,
  sphereName,
} from "../../src/findings/sphere-names.ts";

describe("sphere and status names", () => {
  it("names spheres in the nominative", () => {
    expect(SPHERE_NAMES).toEqual({
      social: "социальное обслуживание",
      health: "здравоохранение",
      culture: "культура",
      education: "образование",
      sport: "физическая культура и спорт",
    });
    expect(sphereName(null)).toBe("все сферы");
  });

  it("lists spheres in ministry order with the short sport name", () => {
    expect(formatSphereList(["sport", "social", "health", "social"])).toBe(
      "здравоохранение, социальное обслуживание, спорт",
    );
    expect(
      formatMinistryList([
        { name: "Республика Калмыкия", spheres: ["sport", "health", "social"] },
        { name: "Республика Мордовия", spheres: ["health"] },
      ]),
    ).toBe(
      "Республика Калмыкия (здравоохранение, социальное обслуживание, спорт), Республика Мордовия (здравоохранение)",
    );
  });

  it("names statuses", () => {
    expect(Object.values(STATUS_NAMES)).toEqual([
      "соответствует",
      "частично",
      "не соответствует",
      "не удалось проверить",
      "не применяется",
    ]);
  });
});
