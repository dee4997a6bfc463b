import { buildSite, parseCheck, type SitePageInput } from "../../src/rules/index.ts";
import type { CheckOutcome, RuleDef, Sphere } from "../../src/types/index.ts";

/** Evaluates one check block against a small site (adequate coverage unless said otherwise). */
export async function runCheck(
  check: Record<string, unknown>,
  pages: SitePageInput[] | string,
  opts: { asOf?: string; sphere?: Sphere | null; adequate?: boolean } = {},
): Promise<CheckOutcome> {
  const inputs = typeof pages === "string" ? [{ url: "https://min.example.ru/", html: pages }] : pages;
  const site = await buildSite(inputs, { adequate: opts.adequate ?? true, reason: "лимит" });
  const parsed = parseCheck(check);
  return parsed.type.evaluate(site, parsed.params, {
    asOf: opts.asOf ?? "2026-03-01",
    sphere: opts.sphere === undefined ? "social" : opts.sphere,
    rule: { id: "authority/test" } as RuleDef,
  });
}

export function html(title: string, main: string, extra = ""): string {
  return `<html><head><title>${title}</title></head><body>${extra}<main>${main}</main></body></html>`;
}
