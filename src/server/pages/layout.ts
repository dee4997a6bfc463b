import { escapeHtml as h } from "../../index.ts";
/** The page shell: Russian, no inline script or style (the CSP forbids them), readable without JavaScript. */

export type Section = "overview" | "region" | "check" | "snapshot" | "error";

export interface PageOptions {
  title: string;
  section: Section;
  body: string;
  /** Seconds: the page reloads itself when JavaScript is off (progress of a running check). */
  refreshWithoutJs?: number;
  /** Load the progress script. */
  script?: boolean;
}

export function page(options: PageOptions): string {
  const nav = (section: Section, href: string, label: string) =>
    `<a href="${href}"${options.section === section ? ' class="on" aria-current="page"' : ""}>${label}</a>`;
  return [
    "<!DOCTYPE html>",
    `<html lang="ru"><head><meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${h(options.title)} — nok-monitor</title>`,
    `<link rel="stylesheet" href="/static/style.css">`,
    options.refreshWithoutJs
      ? `<noscript><meta http-equiv="refresh" content="${Math.max(1, Math.round(options.refreshWithoutJs))}"></noscript>`
      : "",
    options.script ? `<script src="/static/app.js" defer></script>` : "",
    `</head><body>`,
    `<header class="top"><nav><span class="brand">НОК · мониторинг сайтов</span>${nav("overview", "/", "Обзор")}${nav("check", "/check", "Самопроверка")}<a href="/api">API</a></nav></header>`,
    `<main>${options.body}</main>`,
    `</body></html>`,
  ]
    .filter(Boolean)
    .join("\n");
}

export function errorPage(status: number, title: string, message: string): string {
  return page({
    title,
    section: "error",
    body: `<h1>${h(title)}</h1><p class="error">${h(message)}</p><p><a href="/">На главную</a></p><p class="muted small">Код ответа: ${status}</p>`,
  });
}
