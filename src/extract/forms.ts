import type { Document, Element } from "domhandler";
import type { FormInfo } from "../types/index.ts";
import { closestTag, descendants, pageElements, previousElement, textContent } from "../util/dom-query.ts";
import { resolveUrl } from "./links.ts";
import { collapseSpaces } from "./russian/normalize.ts";
import { tidyLines, visibleText } from "./visible-text.ts";

/** A form as extracted: the contract's FormInfo plus what tells a site search from a feedback form. */
export interface ExtractedForm extends FormInfo {
  /** A site-search box (role=search, a lone query field, action …/search/): not a feedback channel. */
  search: boolean;
  /** Visible text inside the form (labels, legends, button captions), capped, for phrase checks. */
  text: string;
}

const NON_FIELD_TYPES = new Set(["hidden", "submit", "button", "image", "reset"]);
const SEARCH_NAME =
  /^(?:q|query|s|search|searchid|search_query|text|find|keyword|keywords|poisk|how|where|word|words|tags)$/i;
const SEARCH_HINT = /search|poisk|find|поиск|найти|искать/i;
const FORM_TEXT_MAX = 500;

/** `input, select, textarea`. */
const FIELD_TAGS = new Set(["input", "select", "textarea"]);
const BUTTON_TYPES = new Set(["submit", "button", "image"]);

/** `button, input[type=submit], input[type=button], input[type=image]` (type compares caselessly). */
function isButton(e: Element): boolean {
  return e.name === "button" || (e.name === "input" && BUTTON_TYPES.has(e.attribs.type?.toLowerCase() ?? ""));
}

export function extractForms(doc: Document, baseUrl: string): ExtractedForm[] {
  const all = pageElements(doc);
  const labels = all.filter((e) => e.name === "label");
  return all.filter((e) => e.name === "form").map((form) => describeForm(form, baseUrl, labels));
}

function describeForm(form: Element, baseUrl: string, labels: Element[]): ExtractedForm {
  const rawAction = form.attribs.action?.trim();
  const action = rawAction ? resolveUrl(rawAction, baseUrl) : null;
  const method = (form.attribs.method ?? "get").trim().toLowerCase() || "get";
  const fields: FormInfo["fields"] = [];
  for (const el of descendants(form, (e) => FIELD_TAGS.has(e.name))) {
    const tag = el.name.toLowerCase();
    const type = tag === "input" ? (el.attribs.type ?? "text").toLowerCase() : tag;
    if (NON_FIELD_TYPES.has(type)) continue;
    const label = fieldLabel(el, labels);
    fields.push({ name: el.attribs.name ?? el.attribs.id ?? "", type, ...(label ? { label } : {}) });
  }
  const hasTextarea = fields.some((x) => x.type === "textarea");
  const hasFileInput = fields.some((x) => x.type === "file");
  const buttons = descendants(form, isButton)
    .map((b) => collapseSpaces(textContent(b) || b.attribs.value || b.attribs.alt || b.attribs.title || ""))
    .filter(Boolean);
  const text = collapseSpaces([tidyLines(visibleText([form], undefined, 5000)), ...buttons].join(" ")).slice(
    0,
    FORM_TEXT_MAX,
  );
  return {
    action,
    method,
    fields,
    hasTextarea,
    hasFileInput,
    search: isSearchForm(form, action, fields, text),
    text,
  };
}

/** <label for>, a wrapping <label>, aria-label, placeholder, title, or the previous table cell of old layouts. */
function fieldLabel(el: Element, labels: Element[]): string {
  const id = el.attribs.id;
  if (id) {
    const forLabel = labels.find((l) => l.attribs.for === id);
    const t = collapseSpaces(textOf(forLabel));
    if (t) return t;
  }
  const wrapping = collapseSpaces(textOf(closestTag(el, "label")));
  if (wrapping) return wrapping;
  for (const attr of ["aria-label", "placeholder", "title"]) {
    const t = collapseSpaces(el.attribs[attr] ?? "");
    if (t) return t;
  }
  const cell = closestTag(el, "td");
  if (cell) {
    // `$(cell).prev("td, th")`: the cell right before, when it is one.
    const prev = previousElement(cell);
    const t = collapseSpaces(prev && (prev.name === "td" || prev.name === "th") ? textContent(prev) : "");
    if (t) return t.slice(0, 200);
  }
  return "";
}

function textOf(el: Element | undefined): string {
  return el ? textContent(el) : "";
}

function isSearchForm(
  form: Element,
  action: string | null,
  fields: FormInfo["fields"],
  text: string,
): boolean {
  if (form.attribs.role?.toLowerCase() === "search") return true;
  if (
    fields.some((x) => x.type === "textarea" || x.type === "file" || x.type === "email" || x.type === "tel")
  ) {
    return false;
  }
  const visible = fields.filter((x) => x.type !== "checkbox" && x.type !== "radio");
  if (visible.length === 0 || visible.length > 2) return false;
  if (visible.some((x) => x.type === "search")) return true;
  const classes = `${form.attribs.class ?? ""} ${form.attribs.id ?? ""} ${form.attribs.name ?? ""}`;
  const actionPath = action ? safePath(action) : "";
  return (
    visible.some((x) => SEARCH_NAME.test(x.name)) &&
    (SEARCH_HINT.test(classes) ||
      SEARCH_HINT.test(actionPath) ||
      SEARCH_HINT.test(text) ||
      visible.length === 1)
  );
}

function safePath(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}
