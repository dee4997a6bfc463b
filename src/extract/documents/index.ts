export { extractDoc } from "./doc.ts";
export { extractDocx } from "./docx.ts";
export type { DocumentText } from "./guard.ts";
export { extractOdt } from "./odt.ts";
export { extractPdf } from "./pdf.ts";
export { extractRtf } from "./rtf.ts";
export { guessTitle } from "./title.ts";
export { extractSpreadsheet, extractXls, extractXlsx } from "./xlsx.ts";
