/**
 * Extraction speed, measured (not asserted): `npx tsx test/extract/measure-extract.ts`.
 * An HTML page of about 100 KB shaped like a regional ministry page (menus, news list, documents table,
 * footer) and a 20-page text PDF in DejaVu Sans; medians over repeated runs after a warm-up.
 */
import iconv from "iconv-lite";
import { extractPdf } from "../../src/extract/documents/pdf.ts";
import { extractArtifacts } from "../../src/extract/index.ts";
import { textPdf } from "../fixtures/docs/make-fixtures.ts";

function realisticPage(targetBytes: number): string {
  const menu = Array.from(
    { length: 60 },
    (_, i) => `<li><a href="/section-${i}/">Раздел ${i} деятельности министерства</a></li>`,
  ).join("");
  const head = `<!DOCTYPE html><html><head><meta charset="windows-1251"><title>Независимая оценка качества условий оказания услуг — Министерство</title>
    <script src="/bitrix/js/main/core/core.js"></script><script>window.BX = {};</script></head><body>
    <div class="header-wrapper"><a class="bvi-open" href="#">Версия для слабовидящих</a><form action="/search/"><input name="q"></form></div>
    <div class="bx-top-nav"><ul>${menu}</ul></div><div class="workarea"><h1>Независимая оценка качества</h1>`;
  const rows: string[] = [];
  let size = head.length;
  for (let i = 1; size < targetBytes - 2000; i++) {
    const row = `<tr><td>${i}</td><td><a href="/upload/iblock/${i}/protocol-${i}.pdf">Протокол № ${i} заседания общественного совета по проведению независимой оценки качества от ${String((i % 28) + 1).padStart(2, "0")}.0${(i % 9) + 1}.2024</a></td><td>PDF, ${100 + i} КБ</td></tr>
      <p>Общественный совет рассмотрел результаты независимой оценки качества условий оказания услуг организациями культуры в ${2020 + (i % 6)} году. Телефон: +7 (4872) 24-52-${String(i % 100).padStart(2, "0")}.</p>`;
    rows.push(row);
    size += row.length; // cp1251: one byte per character
  }
  return `${head}<table>${rows.join("")}</table></div><footer>© Министерство, info@tularegion.ru</footer></body></html>`;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function time(runs: number, fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return median(samples);
}

const body = iconv.encode(realisticPage(100_000), "win1251");
const htmlMs = await time(30, () =>
  extractArtifacts({
    url: "https://m.ru/nok/",
    finalUrl: "https://m.ru/nok/",
    contentKind: "html",
    headers: { "content-type": "text/html" },
    body,
  }),
);
console.log(`HTML: ${(body.byteLength / 1024).toFixed(0)} KB page, median ${htmlMs.toFixed(1)} ms per page`);

const paragraph =
  "1.1. Общественный совет по проведению независимой оценки качества условий оказания услуг организациями культуры образован в соответствии с Федеральным законом от 05.12.2017 № 392-ФЗ. ";
const pages = Array.from({ length: 20 }, (_, p) => [
  `Страница ${p + 1}`,
  ...Array.from({ length: 12 }, () => paragraph),
]);
const pdf = new Uint8Array(await textPdf(pages));
const pdfMs = await time(5, () => extractPdf(pdf));
console.log(
  `PDF: ${pages.length} pages, ${(pdf.byteLength / 1024).toFixed(0)} KB, median ${pdfMs.toFixed(0)} ms per file, ${(pdfMs / pages.length).toFixed(1)} ms per page`,
);
