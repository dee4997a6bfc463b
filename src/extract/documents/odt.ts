import * as cheerio from "cheerio";
import type { AnyNode, Element, Text } from "domhandler";
import JSZip from "jszip";
import type { ExtractLimits } from "../limits.ts";
import { type DocumentText, guarded, tidyDocumentText } from "./guard.ts";

/** OpenDocument text (.odt): unzip, walk content.xml; the title from meta.xml when it has one. */
export function extractOdt(bytes: Uint8Array, limits?: Partial<ExtractLimits>): Promise<DocumentText> {
  return guarded("ODT", bytes, limits, async () => {
    const zip = await JSZip.loadAsync(bytes);
    const content = zip.file("content.xml");
    if (!content) return { text: "", meta: { error: "ODT: в архиве нет content.xml" } };
    const text = odfXmlText(await content.async("string"));
    const metaXml = await zip.file("meta.xml")?.async("string");
    const title = metaXml ? cheerio.load(metaXml, { xml: true })("dc\\:title").first().text().trim() : "";
    return { text, meta: {}, ...(title ? { title } : {}) };
  });
}

const LINE_AFTER = new Set(["text:p", "text:h", "table:table-row", "text:list-item"]);

/** ODF XML → text: paragraphs and table rows are lines, cells are tab-separated, <text:s c="3"/> is spaces. */
export function odfXmlText(xml: string): string {
  const $ = cheerio.load(xml, { xml: true });
  const body = $("office\\:body").first();
  const parts: string[] = [];
  let inCell = 0;
  const walk = (node: AnyNode): void => {
    if (node.type === "text") {
      parts.push((node as Text).data);
      return;
    }
    if (node.type !== "tag") return;
    const el = node as Element;
    switch (el.name) {
      case "text:s":
        parts.push(" ".repeat(Number(el.attribs["text:c"] ?? 1) || 1));
        return;
      case "text:tab":
        parts.push("\t");
        return;
      case "text:line-break":
        parts.push("\n");
        return;
      case "office:annotation":
      case "text:note-citation":
        return;
    }
    const cell = el.name === "table:table-cell";
    if (cell) inCell++;
    for (const child of el.children) walk(child);
    if (cell) {
      inCell--;
      parts.push("\t");
    } else if (LINE_AFTER.has(el.name)) {
      // Paragraphs inside a cell stay on the row's line.
      parts.push(inCell > 0 && el.name !== "table:table-row" ? " " : "\n");
    }
  };
  const roots: AnyNode[] = body.length ? body.toArray() : $.root().toArray();
  for (const node of roots) walk(node);
  return tidyDocumentText(parts.join(""));
}
