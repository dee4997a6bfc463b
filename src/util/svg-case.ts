import { foreignContent } from "parse5";

/** parse5's names for SVG elements and attributes (viewBox, clipPath, xlink:href → href). */
export function svgCase(name: string, attribs: Record<string, string>): [string, Record<string, string>] {
  const token = { attrs: Object.entries(attribs).map(([n, value]) => ({ name: n, value })) };
  foreignContent.adjustTokenSVGAttrs(token as never);
  foreignContent.adjustTokenXMLAttrs(token as never);
  const adjusted: Record<string, string> = {};
  for (const a of token.attrs) if (!Object.hasOwn(adjusted, a.name)) adjusted[a.name] = a.value;
  return [foreignContent.SVG_TAG_NAMES_ADJUSTMENT_MAP.get(name) ?? name, adjusted];
}
