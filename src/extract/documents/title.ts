/**
 * The first heading-like line of a document: official papers open with a stamp («УТВЕРЖДЕНО приказом …»),
 * then a genre word in capitals («ПОЛОЖЕНИЕ», «ПРОТОКОЛ № 3») and its subject on the next line(s).
 */
const GENRE =
  /^(?:положение|протокол|приказ|постановление|распоряжение|решение|план|отч[её]т|информация|сведения|перечень|состав|регламент|порядок|результаты|рейтинг|анкета|заключение|итоги|предложения|рекомендации|методика|программа|аналитическая\s+записка|выписка|уведомление)(?!\p{L})/iu;
const STAMP =
  /^(?:утвержд[её]н\p{L}*|согласован\p{L}*|принят\p{L}*|приложение|прил\.|к\s+приказу|к\s+постановлению|к\s+распоряжению|от\s+\d|№\s*\d|страница|стр\.|лист:|\d+$|-\s*\d+\s*-$)/iu;
const MAX_LINES = 40;
const MAX_TITLE = 300;

export function guessTitle(text: string): string {
  const lines = text
    .split("\n")
    .slice(0, MAX_LINES * 3)
    .map((l) => l.replace(/\t+/g, " ").trim())
    .filter(Boolean)
    .slice(0, MAX_LINES);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!GENRE.test(line)) continue;
    // «ПОЛОЖЕНИЕ» alone: its subject follows («об общественном совете …»), up to the next blank-ish break.
    let title = line;
    for (let j = i + 1; j < lines.length && title.length < 200; j++) {
      const next = lines[j]!;
      if (STAMP.test(next) || GENRE.test(next) || /^\d+(?:\.\d+)*\.?\s/.test(next) || next.length > 250)
        break;
      const genreAlone = title.split(/\s+/).length <= 3;
      const continues = /^[а-яёa-z«"(]/u.test(next);
      const capsBlock = isCaps(title) && isCaps(next);
      if (!(genreAlone || continues || capsBlock)) break;
      title += ` ${next}`;
    }
    return title.slice(0, MAX_TITLE);
  }
  const first = lines.find((l) => !STAMP.test(l) && /\p{L}{3}/u.test(l) && l.length >= 5);
  return (first ?? "").slice(0, MAX_TITLE);
}

function isCaps(s: string): boolean {
  const letters = s.replace(/[^\p{L}]/gu, "");
  return letters.length > 0 && letters === letters.toUpperCase();
}
