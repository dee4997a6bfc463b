import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadRules, validateRuleFiles } from "../../src/rules/index.ts";

const dir = mkdtempSync(join(tmpdir(), "nok-rules-"));
mkdirSync(join(dir, "authority"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function good(
  name: string,
  check = "type: document\n  what: положение\n  phrases: [положение об общественном совете]",
): string {
  return `id: authority/${name}
title: Опубликовано положение
failureTitle: Нет положения
description: Положение определяет полномочия совета и порядок его работы.
legal:
  - Федеральный закон от 05.12.2017 № 392-ФЗ
appliesTo:
  kind: authority
  spheres: [social]
severity: major
check:
  ${check}
examples:
  pass:
    - html: '<a href="/p.pdf">Положение об общественном совете</a>'
  fail:
    - html: '<p>Новости</p>'
`;
}

function write(name: string, text: string): string {
  const file = join(dir, "authority", `${name}.yaml`);
  writeFileSync(file, text);
  return file;
}

describe("loadRules", () => {
  write("ok-rule", good("ok-rule"));
  write("broken-yaml", "id: authority/broken-yaml\ntitle: [unclosed\nfailureTitle: x\n");
  write("missing-field", good("missing-field").replace("failureTitle: Нет положения\n", ""));
  write("unknown-type", good("unknown-type", "type: magic\n  what: x"));
  write("bad-param", good("bad-param", "type: document\n  what: положение\n  phrases: []"));
  write(
    "bad-nested",
    good(
      "bad-nested",
      "type: any\n  checks:\n    - type: document\n      what: x\n      phrases: [a]\n      maxGap: 99",
    ),
  );
  write("wrong-id", good("something-else"));
  const { rules, errors } = loadRules(dir);
  const errorFor = (name: string) => errors.filter((e) => e.file.endsWith(`${name}.yaml`));

  it("loads the valid file despite broken neighbours", () => {
    expect(rules.map((r) => r.id)).toEqual(["authority/ok-rule"]);
    expect(rules[0]?.file).toMatch(/ok-rule\.yaml$/);
  });

  it("names the line of a YAML syntax error", () => {
    const [e] = errorFor("broken-yaml");
    expect(e?.line).toBeGreaterThanOrEqual(2);
    expect(e?.message).toMatch(/YAML/);
  });

  it("names the map missing a required field", () => {
    const [e] = errorFor("missing-field");
    expect(e?.message).toMatch(/failureTitle/);
    expect(e?.line).toBe(1);
  });

  it("names the line of an unknown check type", () => {
    const [e] = errorFor("unknown-type");
    expect(e?.message).toMatch(/неизвестный тип проверки «magic»/);
    expect(e?.line).toBe(12);
  });

  it("names the line of a bad parameter", () => {
    const [e] = errorFor("bad-param");
    expect(e?.message).toMatch(/check\.phrases/);
    expect(e?.line).toBe(14);
  });

  it("names the line of a bad parameter inside a composed check", () => {
    const [e] = errorFor("bad-nested");
    expect(e?.message).toMatch(/check\.checks\.0\.maxGap/);
    expect(e?.line).toBe(17);
  });

  it("requires the id to match the file name", () => {
    const [e] = errorFor("wrong-id");
    expect(e?.message).toMatch(/authority\/wrong-id/);
    expect(e?.line).toBe(1);
  });

  it("validateRuleFiles runs the examples too", () => {
    const file = write(
      "bad-example",
      good("bad-example").replace("<p>Новости</p>", '<a href="/x.pdf">Положение об общественном совете</a>'),
    );
    const errs = validateRuleFiles([file]);
    expect(errs).toHaveLength(1);
    expect(errs[0]?.message).toMatch(/examples\.fail\[0\].*ожидался статус fail, получен pass/);
    expect(errs[0]?.line).toBe(19);
  });

  it("reports a missing directory", () => {
    expect(loadRules(join(dir, "nope")).errors[0]?.message).toMatch(/не найден/);
  });
});
