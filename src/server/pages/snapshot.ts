/** The stored copy of a page or document, shown as extracted text (never as the crawled HTML itself). */

import { formatBytes, formatDateTime, formatInt, escapeHtml as h, link, truncate } from "../../index.ts";
import type { ContentKind, PageArtifacts } from "../../types/index.ts";
import { page } from "./layout.ts";

export interface SnapshotData {
  runId: string;
  hash: string;
  url: string;
  fetchedAt: string | null;
  contentKind: ContentKind;
  size: number;
  artifacts: PageArtifacts;
}

/** Text beyond this is cut: a 300-page PDF would make a page nobody can load. */
const MAX_TEXT = 400_000;
const MAX_LINKS = 300;

export function snapshotPage(data: SnapshotData): string {
  const a = data.artifacts;
  const facts: [string, string][] = [
    ["Адрес", link(data.url)],
    ["Загружено", h(formatDateTime(data.fetchedAt))],
    ["Тип", h(data.contentKind)],
    ["Размер", h(formatBytes(data.size))],
    ["Запуск", `<a href="/api/runs/${h(encodeURIComponent(data.runId))}">${h(data.runId)}</a>`],
    ["Хеш", `<span class="hash">${h(data.hash)}</span>`],
  ];
  if (a.charset) facts.push(["Кодировка", h(a.charset)]);
  if (a.document?.pages) facts.push(["Страниц в документе", formatInt(a.document.pages)]);
  const notes: string[] = [];
  if (a.document?.scanned) notes.push("Документ — скан без текстового слоя: текст извлечь нельзя.");
  if (a.document?.truncated) notes.push("Документ прочитан не полностью (ограничение размера или времени).");
  if (a.document?.error) notes.push(`Документ не прочитан: ${a.document.error}`);
  const text = a.text.length > MAX_TEXT ? `${a.text.slice(0, MAX_TEXT)}\n…` : a.text;
  const headings = a.headings.length
    ? `<h2>Заголовки</h2><ul>${a.headings
        .slice(0, 200)
        .map((hd) => `<li>${"·".repeat(Math.max(0, hd.level - 1))} ${h(truncate(hd.text, 200))}</li>`)
        .join("")}</ul>`
    : "";
  const links = a.links.length
    ? `<details><summary>Ссылки на странице (${formatInt(a.links.length)})</summary><ul>${a.links
        .slice(0, MAX_LINKS)
        .map((l) => `<li>${link(l.url, truncate(l.text || l.url, 160))}</li>`)
        .join(
          "",
        )}</ul>${a.links.length > MAX_LINKS ? `<p class="muted small">и ещё ${a.links.length - MAX_LINKS}</p>` : ""}</details>`
    : "";
  const body = [
    `<h1>Сохранённая копия: ${h(truncate(a.title || data.url, 160))}</h1>`,
    `<p class="small muted">Текст извлечён из копии, сохранённой при проверке; оформление и скрипты страницы не показываются.</p>`,
    `<dl class="facts">${facts.map(([k, v]) => `<dt>${h(k)}</dt><dd>${v}</dd>`).join("")}</dl>`,
    notes.map((n) => `<p class="note">${h(n)}</p>`).join(""),
    headings,
    links,
    `<h2>Текст</h2>`,
    text ? `<pre class="snapshot">${h(text)}</pre>` : `<p class="muted">Текста нет.</p>`,
  ];
  return page({ title: "Сохранённая копия", section: "snapshot", body: body.filter(Boolean).join("\n") });
}
