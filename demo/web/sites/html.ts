/** Tiny HTML helpers shared by the shapes (escaping and a few repeated fragments). */
import { createHash } from "node:crypto";
import type { Member } from "../texts/council-docs.ts";
import type { LegalAct } from "../texts/legal.ts";

export function esc(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export const a = (href: string, text: string, attrs = ""): string =>
  `<a href="${esc(href)}"${attrs ? ` ${attrs}` : ""}>${esc(text)}</a>`;

export const paras = (list: string[], cls = ""): string =>
  list.map((p) => `<p${cls ? ` class="${cls}"` : ""}>${esc(p)}</p>`).join("\n");

export function actsList(acts: LegalAct[], cls = "acts"): string {
  return `<ul class="${cls}">\n${acts
    .map((x) => `  <li>${x.href ? a(x.href, x.text, 'target="_blank" rel="noopener"') : esc(x.text)}</li>`)
    .join("\n")}\n</ul>`;
}

export function membersList(members: Member[]): string {
  return `<ol class="council-members">\n${members
    .map(
      (m) =>
        `  <li><b>${esc(m.person.full)}</b> — ${esc(m.org)}${m.role !== "член совета" ? `, ${esc(m.role)} совета` : ""}</li>`,
    )
    .join("\n")}\n</ol>`;
}

export function membersTable(members: Member[]): string {
  return `<table class="table"><thead><tr><th>№</th><th>Ф.И.О.</th><th>Место работы, должность</th></tr></thead><tbody>\n${members
    .map(
      (m, i) =>
        `<tr><td>${i + 1}</td><td>${esc(m.person.full)}</td><td>${esc(m.org)}${m.role !== "член совета" ? ` (${esc(m.role)})` : ""}</td></tr>`,
    )
    .join("\n")}\n</tbody></table>`;
}

/** A stable pseudo-random hex string for opaque upload paths (Bitrix names files by hash). */
export function hexOf(text: string, length: number): string {
  return createHash("md5").update(text).digest("hex").slice(0, length);
}
