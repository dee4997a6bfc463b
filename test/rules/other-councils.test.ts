import { describe, expect, it } from "vitest";
import { namesAnotherBodysCouncil } from "../../src/rules/index.ts";

describe("namesAnotherBodysCouncil: a link or page named for another body's council", () => {
  it("names another body by the shared list or another sphere's words", () => {
    expect(namesAnotherBodysCouncil("Общественный совет при Управлении дорожного хозяйства", "culture")).toBe(
      true,
    );
    expect(
      namesAnotherBodysCouncil(
        "Протокол заседания Общественного совета при Министерстве строительства",
        "social",
      ),
    ).toBe(true);
    expect(namesAnotherBodysCouncil("Общественный совет при министерстве здравоохранения", "culture")).toBe(
      true,
    );
    // Without a sphere only the shared list speaks.
    expect(namesAnotherBodysCouncil("Общественный совет при министерстве здравоохранения", null)).toBe(false);
    expect(namesAnotherBodysCouncil("Общественный совет при министерстве транспорта", null)).toBe(true);
  });

  it("the sphere's own council, a council without a body and NOK wording are not another body's", () => {
    expect(namesAnotherBodysCouncil("Общественный совет при министерстве культуры", "culture")).toBe(false);
    expect(namesAnotherBodysCouncil("Общественный совет", "culture")).toBe(false);
    expect(
      namesAnotherBodysCouncil(
        "Управление культуры, физической культуры и спорта: общественный совет",
        "culture",
      ),
    ).toBe(false);
    expect(
      namesAnotherBodysCouncil(
        "Общественный совет при отделе культуры администрации по вопросам архитектуры",
        "culture",
      ),
    ).toBe(false);
    expect(
      namesAnotherBodysCouncil(
        "Общественный совет по независимой оценке качества при министерстве транспорта",
        "culture",
      ),
    ).toBe(false);
    expect(namesAnotherBodysCouncil("Дорожное хозяйство", "culture")).toBe(false);
    // A list of councils that names the sphere's too.
    expect(
      namesAnotherBodysCouncil(
        "Общественные советы при министерстве транспорта и министерстве культуры",
        "culture",
      ),
    ).toBe(false);
  });
});
