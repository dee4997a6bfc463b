import { describe, expect, it } from "vitest";
import { classify, diffRuns, normalizeSiteUrl } from "../../src/findings/diff.ts";
import { run, site } from "../report/fixtures.ts";

const NOK = "authority/nok-section";
const LEGAL = "authority/legal-acts";
const RULES = [NOK, LEGAL];

describe("diffRuns", () => {
  it("classifies every change category", () => {
    const prev = run({
      sites: [
        site({
          url: "https://a.example.ru/",
          region: "08",
          sphere: "health",
          rules: RULES,
          statuses: { [NOK]: "pass", [LEGAL]: "fail" },
        }),
        site({
          url: "https://b.example.ru/",
          region: "13",
          sphere: "health",
          rules: RULES,
          statuses: { [NOK]: "fail", [LEGAL]: "pass" },
        }),
      ],
    });
    const cur = run({
      sites: [
        site({
          url: "http://www.A.example.ru",
          region: "08",
          sphere: "health",
          rules: RULES,
          statuses: { [NOK]: "fail", [LEGAL]: "fail" },
        }),
        site({
          url: "https://b.example.ru/",
          region: "13",
          sphere: "health",
          rules: RULES,
          statuses: { [NOK]: "pass", [LEGAL]: "unknown" },
        }),
        site({ url: "https://c.example.ru/", region: "38", sphere: "health", rules: RULES, fill: "pass" }),
      ],
    });
    const changes = diffRuns(prev, cur).map((d) => [d.site, d.rule, d.before, d.after, d.change]);
    expect(changes).toEqual([
      ["http://www.A.example.ru", NOK, "pass", "fail", "new-gap"],
      ["http://www.A.example.ru", LEGAL, "fail", "fail", "still-missing"],
      ["https://b.example.ru/", NOK, "fail", "pass", "fixed"],
      ["https://b.example.ru/", LEGAL, "pass", "unknown", "newly-unknown"],
      ["https://c.example.ru/", NOK, null, "pass", "new-site"],
      ["https://c.example.ru/", LEGAL, null, "pass", "new-site"],
    ]);
  });

  it("matches a moved authority site by region + sphere + kind", () => {
    const prev = run({
      sites: [
        site({ url: "https://old.example.ru/", region: "08", sphere: "health", rules: [NOK], fill: "fail" }),
      ],
    });
    const cur = run({
      sites: [
        site({ url: "https://new.example.ru/", region: "08", sphere: "health", rules: [NOK], fill: "pass" }),
      ],
    });
    expect(diffRuns(prev, cur).map((d) => d.change)).toEqual(["fixed"]);
  });

  it("does not match by region + sphere when it is ambiguous or the kind differs", () => {
    const prev = run({
      sites: [
        site({
          url: "https://old.example.ru/",
          kind: "institution",
          region: "08",
          sphere: "health",
          rules: [NOK],
          fill: "fail",
        }),
      ],
    });
    const cur = run({
      sites: [
        site({ url: "https://new.example.ru/", region: "08", sphere: "health", rules: [NOK], fill: "pass" }),
      ],
    });
    expect(diffRuns(prev, cur).map((d) => d.change)).toEqual(["new-site"]);
  });

  it("produces nothing for unchanged verdicts", () => {
    const a = run({ sites: [site({ region: "08", sphere: "health", fill: "pass" })] });
    expect(diffRuns(a, a)).toEqual([]);
  });
});

describe("classify", () => {
  it("follows the category table", () => {
    expect(classify("warn", "fail")).toBe("new-gap");
    expect(classify("unknown", "fail")).toBe("new-gap");
    expect(classify("warn", "pass")).toBe("fixed");
    expect(classify("unknown", "pass")).toBe("fixed");
    expect(classify("fail", "unknown")).toBe("newly-unknown");
    expect(classify("n/a", "unknown")).toBeNull();
    expect(classify("pass", "warn")).toBeNull();
    expect(classify("fail", "warn")).toBeNull();
  });
});

describe("normalizeSiteUrl", () => {
  it("ignores scheme, www, case of the host, default port, trailing slash and fragment", () => {
    expect(normalizeSiteUrl("HTTPS://www.Minzdrav.Example.RU:443/nok/#top")).toBe(
      normalizeSiteUrl("http://minzdrav.example.ru/nok"),
    );
    expect(normalizeSiteUrl("https://a.ru/x?y=1")).not.toBe(normalizeSiteUrl("https://a.ru/x"));
  });
});
