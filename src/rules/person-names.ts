/** People named in a text: a composition lists its members by name. */

const FULL_NAME =
  /[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?\s+[А-ЯЁ][а-яё]+\s+[А-ЯЁ][а-яё]+(?:вич|вна|ична|инична|оглы|кызы)(?![а-яё])/gu;
const INITIALS_AFTER = /[А-ЯЁ][а-яё]{2,}(?:-[А-ЯЁ][а-яё]+)?\s+[А-ЯЁ]\.\s?[А-ЯЁ]\./gu;
const INITIALS_BEFORE = /[А-ЯЁ]\.\s?[А-ЯЁ]\.\s?[А-ЯЁ][а-яё]{2,}/gu;

/** Distinct people named in a text (full names with patronymic, or surname with initials). */
export function personNames(text: string): string[] {
  const names = new Set<string>();
  for (const re of [FULL_NAME, INITIALS_AFTER, INITIALS_BEFORE])
    for (const m of text.matchAll(re)) names.add(m[0].replace(/\s+/g, " "));
  return [...names];
}
