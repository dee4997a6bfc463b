/** Inline styles of the HTML report: no external assets, readable on screen and on paper. */
import type { Status } from "../types/common.ts";
import { STATUS_STYLES } from "./labels.ts";

/** Short CSS class per status (the matrix has thousands of cells). */
export const STATUS_CLASS: Readonly<Record<Status, string>> = {
  pass: "p",
  warn: "w",
  fail: "f",
  unknown: "u",
  "n/a": "n",
};

const statusRules = (Object.keys(STATUS_CLASS) as Status[])
  .map(
    (s) => `.${STATUS_CLASS[s]}{background:${STATUS_STYLES[s].background};color:${STATUS_STYLES[s].color}}`,
  )
  .join("\n");

export const REPORT_CSS = `
*{box-sizing:border-box}
svg.chart{max-width:100%;height:auto;display:block;margin:6px 0 12px}
body{font-family:"Segoe UI",Roboto,"PT Sans","DejaVu Sans",Arial,sans-serif;font-size:14px;line-height:1.45;color:#1b1b1b;margin:0;background:#fff}
main{max-width:1200px;margin:0 auto;padding:16px 24px 48px}
h1{font-size:24px;margin:8px 0 4px}h2{font-size:20px;margin:32px 0 8px;border-bottom:2px solid #1f4e79;padding-bottom:4px;color:#1f4e79}
h3{font-size:16px;margin:20px 0 6px}h4{font-size:14px;margin:14px 0 4px}
a{color:#0b57a4;word-break:break-all}
.muted{color:#666}.small{font-size:12px}
.meta{color:#444;margin:0 0 12px}
nav.toc{background:#f4f7fb;border:1px solid #d5e0ee;padding:8px 14px;margin:12px 0}
nav.toc ol{margin:4px 0;padding-left:20px}
table{border-collapse:collapse;width:100%;margin:6px 0 12px}
th,td{border:1px solid #c8c8c8;padding:4px 6px;vertical-align:top;text-align:left}
thead th{background:#eef2f7;font-weight:600}
td.num,th.num{text-align:right;white-space:nowrap}
.st{display:inline-block;padding:1px 6px;border-radius:3px;white-space:nowrap;font-weight:600}
${statusRules}
table.matrix{width:auto;font-size:12px}
table.grid td+td,table.grid th+th{text-align:center;font-weight:700}
table.grid a{color:inherit;text-decoration:none}
table.matrix td{text-align:center;min-width:26px;padding:2px 4px;font-weight:700}
table.matrix th.rg{font-weight:400;white-space:nowrap}
table.matrix td.ns{color:#777;background:#fafafa;font-weight:400;text-align:left}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;margin:8px 0}
dl.facts dt{color:#555}dl.facts dd{margin:0}
blockquote{margin:4px 0;padding:2px 8px;border-left:3px solid #bbb;color:#333;font-size:13px;white-space:pre-wrap}
.msg{color:#444;font-size:13px;margin-top:2px}
.ev{margin-bottom:4px}
.hash{font-family:"DejaVu Sans Mono",Consolas,monospace;font-size:11px;color:#555}
ul.ministry{margin:4px 0 10px}
details{margin:6px 0}summary{cursor:pointer;color:#1f4e79}
section.region{border-top:1px solid #ddd;padding-top:4px}
.legend span.st{margin-right:8px}
.note{background:#fffbe6;border:1px solid #f0e0a0;padding:6px 10px;margin:8px 0}
@page{size:A4;margin:12mm}
@media print{
  body{font-size:11px}main{max-width:none;padding:0}
  nav.toc,.noprint{display:none}
  a{color:inherit;text-decoration:none}
  thead{display:table-header-group}
  tr,blockquote{break-inside:avoid}
  h2,h3{break-after:avoid}
  *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
`;

/** Opens every <details> before printing so that nothing collapsed is lost on paper. */
export const PRINT_SCRIPT =
  'window.addEventListener("beforeprint",function(){document.querySelectorAll("details").forEach(function(d){d.open=true})});';
