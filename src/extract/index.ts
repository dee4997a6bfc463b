import type { ContentKind, PageArtifacts } from "../types/index.ts";
import { extractHtml } from "./html.ts";

export interface ExtractInput {
  url: string;
  finalUrl: string;
  contentKind: ContentKind;
  headers: Record<string, string>;
  body: Uint8Array;
  truncated?: boolean;
}

/** Pure: bytes of one snapshot → named artifacts. Never touches the network. */
export async function extractArtifacts(input: ExtractInput): Promise<PageArtifacts> {
  if (input.contentKind === "html") {
    const html = new TextDecoder("utf-8").decode(input.body);
    return { kind: "html", ...extractHtml(html, input.url, input.finalUrl) };
  }
  return {
    kind: input.contentKind,
    url: input.url,
    finalUrl: input.finalUrl,
    title: "",
    text: "",
    mainText: "",
    navText: "",
    headings: [],
    links: [],
    dates: [],
    contacts: { phones: [], emails: [], telLinks: [], mailtoLinks: [] },
    forms: [],
    microdata: {},
    document: { error: "extraction of this document kind is not implemented yet" },
  };
}
