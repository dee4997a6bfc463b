/** pdf.js's worker half ships no types; it is imported only to be loaded (it sets globalThis.pdfjsWorker). */
declare module "pdfjs-dist/legacy/build/pdf.worker.mjs";
