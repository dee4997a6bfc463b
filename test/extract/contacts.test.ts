import { describe, expect, it } from "vitest";
import { extractContacts, findEmails, findPhones, normalizePhone } from "../../src/extract/contacts.ts";

describe("findPhones", () => {
  const cases: [string, string[]][] = [
    ["Телефон: +7 (4872) 24-52-01", ["+74872245201"]],
    ["тел. 8 (4872) 24-52-01, 8(4872)245202", ["+74872245201", "+74872245202"]],
    ["Горячая линия 8-800-100-12-34 (бесплатно)", ["+78001001234"]],
    ["+7 495 123 45 67 и +7-912-345-67-89", ["+74951234567", "+79123456789"]],
    ["Приёмная: (4872) 24-52-01", ["+74872245201"]],
    ["тел./факс: 2-45-20", ["24520"]],
    ["тел. +74872245201", ["+74872245201"]],
    // Not phones: dates, INN/OGRN/accounts, act numbers, bare digit groups without a cue.
    ["Протокол от 14.03.2025 № 3", []],
    ["ИНН 7107012024 КПП 710701001 ОГРН 1027100520241", []],
    ["р/с 40102810445370000059", []],
    ["Приказ № 8 (2024) 12-34-56", []],
    ["код 24-52-01", []],
    ["ОКТМО 70701000001", []],
    ["распоряжение 84872245201", []],
  ];
  it.each(cases)("%s", (text, expected) => {
    expect(findPhones(text)).toEqual(expected);
  });
});

describe("findEmails", () => {
  it("finds, lower-cases and dedupes e-mails, including .рф and anti-spam spellings", () => {
    expect(
      findEmails(
        "Пишите: Info@Tularegion.ru, info@tularegion.ru; почта@минкульт.рф; nok [at] cult.ru, x (собака) y.ru.",
      ),
    ).toEqual(["info@tularegion.ru", "почта@минкульт.рф", "nok@cult.ru", "x@y.ru"]);
  });

  it("ignores retina image names", () => {
    expect(findEmails("logo@2x.png, banner@3x.jpg")).toEqual([]);
  });
});

describe("extractContacts", () => {
  it("merges tel:/mailto: links with the text and keeps the raw links", () => {
    const c = extractContacts("Звоните: 8 (4872) 24-52-01", [
      { url: "tel:+7-4872-24-52-01", text: "позвонить", inNav: false },
      { url: "mailto:Nok@Tula.ru,second@tula.ru?subject=x", text: "написать", inNav: false },
    ]);
    expect(c).toEqual({
      phones: ["+74872245201"],
      emails: ["nok@tula.ru", "second@tula.ru"],
      telLinks: ["tel:+7-4872-24-52-01"],
      mailtoLinks: ["mailto:Nok@Tula.ru,second@tula.ru?subject=x"],
    });
  });

  it("normalises tel: targets", () => {
    expect(normalizePhone("8 (800) 100-12-34")).toBe("+78001001234");
    expect(normalizePhone("4872245201")).toBe("+74872245201");
    expect(normalizePhone("+375 17 123-45-67")).toBe("+375171234567");
    expect(normalizePhone("12")).toBeNull();
  });
});
