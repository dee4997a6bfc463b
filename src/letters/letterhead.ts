/**
 * The sender's block and the addressing. The ministry's name and address are those on its letter of 23.04.2013
 * (seed 002); the date and number are left blank for the registry office to fill in when the letter is signed.
 */
import type { Paragraph } from "docx";
import { line } from "./docx-parts.ts";

export const SENDER_LINES = [
  "МИНИСТЕРСТВО",
  "ТРУДА И СОЦИАЛЬНОЙ ЗАЩИТЫ",
  "РОССИЙСКОЙ ФЕДЕРАЦИИ",
  "(МИНТРУД РОССИИ)",
] as const;

export const SENDER_ADDRESS = "улица Ильинка, 21, Москва, ГСП-4, 127994";

/** The generic addressing of seed 002, used when registry/regions.yaml names no addressee for the region. */
export const GENERIC_ADDRESSEE = [
  "Высшему должностному лицу",
  "субъекта Российской Федерации",
  "(руководителю высшего",
  "исполнительного органа",
  "субъекта Российской Федерации)",
] as const;

export function senderBlock(): Paragraph[] {
  return [
    // 12 pt so that «ТРУДА И СОЦИАЛЬНОЙ ЗАЩИТЫ» keeps to one line of the half-width column.
    ...SENDER_LINES.map((t) => line(t, { bold: true, size: 24, align: "center" })),
    line(SENDER_ADDRESS, { size: 20, align: "center" }),
    line(""),
    line("____________ № ____________", { size: 24, align: "center" }),
    line("На № ______ от ______", { size: 24, align: "center" }),
  ];
}

/** The addressee lines: the registry's own wording for the region, else the generic one and the region's name. */
export function addresseeBlock(regionName: string, addressee: string | undefined): Paragraph[] {
  const lines = addressee ? addressee.split(/\n/) : [...GENERIC_ADDRESSEE, `(${regionName})`];
  return lines.map((t) => line(t.trim()));
}
