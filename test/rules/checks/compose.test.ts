import { describe, expect, it } from "vitest";
import { ParamError, parseCheck } from "../../../src/rules/index.ts";
import { html, runCheck } from "../helpers.ts";

const doc = (phrase: string) => ({ type: "document", what: phrase, phrases: [phrase] });

describe("any / all", () => {
  const page = html("Совет", '<a href="/a.pdf">Положение об общественном совете</a>');
  it.each([
    ["any: one passes", "any", ["положение об общественном совете", "состав общественного совета"], "pass"],
    ["any: none passes", "any", ["протокол заседания", "состав общественного совета"], "fail"],
    ["all: one fails", "all", ["положение об общественном совете", "состав общественного совета"], "fail"],
    ["all: every one passes", "all", ["положение об общественном совете", "общественном совете"], "pass"],
  ])("%s", async (_n, type, phrases, status) => {
    expect((await runCheck({ type, checks: phrases.map(doc) }, page)).status).toBe(status);
  });

  it("reports a bad child parameter with its path", () => {
    try {
      parseCheck({ type: "any", checks: [doc("x"), { type: "document", what: "y", phrases: [] }] });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ParamError);
      expect((e as ParamError).issues[0]?.path).toEqual(["checks", 1, "phrases"]);
    }
  });
});
