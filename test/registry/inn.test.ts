import { describe, expect, it } from "vitest";
import { isValidInn, withInnChecksum } from "../../src/registry/index.ts";

describe("ИНН checksum", () => {
  it.each(["7707083893", "7830002293", "7107012347", "0105001234", "500100732259"])("accepts %s", (inn) => {
    expect(isValidInn(inn)).toBe(true);
  });

  it.each([
    ["7707083894", "wrong control digit"],
    ["7707083839", "swapped digits"],
    ["500100732258", "wrong 12th digit"],
    ["500100732269", "wrong 11th digit"],
    ["770708389", "9 digits"],
    ["77070838930", "11 digits"],
    ["77О7083893", "a letter"],
    ["", "empty"],
  ])("rejects %s (%s)", (inn) => {
    expect(isValidInn(inn)).toBe(false);
  });

  it("computes control digits that the validator accepts", () => {
    for (const body of ["000000001", "123456789", "987654321", "5001007322", "7700000000"]) {
      const inn = withInnChecksum(body);
      expect(isValidInn(inn)).toBe(true);
      // Any change of the last digit breaks it.
      const last = Number(inn.at(-1));
      expect(isValidInn(inn.slice(0, -1) + ((last + 1) % 10))).toBe(false);
    }
  });
});
