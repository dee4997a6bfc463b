/** Letters to the regions (DOCX) and the national cover note. */
export { type CoverNoteLetter, coverNote } from "./cover-note.ts";
export { pagesRead } from "./pages-read.ts";
export { type LetterOptions, regionLetter } from "./region-letter.ts";
export { type RegionLetterModel, regionLetterModel } from "./region-letter-model.ts";
export { longDate, typeset } from "./typography.ts";
export {
  DEFAULT_ANSWER_DAYS,
  type WriteLettersOptions,
  type WrittenLetter,
  type WrittenLetters,
  writeLetters,
} from "./write-letters.ts";
