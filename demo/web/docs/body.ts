/** A format-neutral document: the same body renders to PDF, DOCX, XLSX, XLS, DOC and HTML. */
export type Block =
  | { t: "h"; text: string }
  | { t: "p"; text: string; align?: "center" | "right" | "justify" }
  | { t: "list"; items: string[]; ordered?: boolean }
  | { t: "table"; head: string[]; rows: string[][]; widths?: number[] };

export interface DocBody {
  /** Upper-right approval block, e.g. «УТВЕРЖДЕНО приказом … от … № …». */
  stamp?: string[];
  title: string;
  subtitle?: string;
  blocks: Block[];
  /** Signature line at the end: «Министр … — И.О. Фамилия». */
  signature?: string;
}

export type DocFormat = "pdf" | "docx" | "xlsx" | "xls" | "doc" | "scan";

/** Plain text of a body (for DOC files and tests): paragraphs by line, table cells by tab. */
export function bodyToLines(body: DocBody): string[] {
  const lines: string[] = [...(body.stamp ?? []), body.title];
  if (body.subtitle) lines.push(body.subtitle);
  for (const b of body.blocks) {
    if (b.t === "h" || b.t === "p") lines.push(b.text);
    else if (b.t === "list")
      for (const [i, item] of b.items.entries()) lines.push(b.ordered ? `${i + 1}. ${item}` : `– ${item}`);
    else {
      lines.push(b.head.join("\t"));
      for (const row of b.rows) lines.push(row.join("\t"));
    }
  }
  if (body.signature) lines.push(body.signature);
  return lines;
}
