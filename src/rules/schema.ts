/** The rule file format (design.md §3), as a zod schema. */
import { z } from "zod";
import { SPHERES, STATUSES } from "../types/index.ts";

const sphere = z.enum(SPHERES as unknown as [string, ...string[]]);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "ожидается дата ГГГГ-ММ-ДД");
const CONTENT_KINDS = ["html", "pdf", "doc", "docx", "xls", "xlsx", "rtf", "odt", "other"] as const;

export const examplePageSchema = z
  .object({
    url: z.url(),
    html: z.string().optional(),
    text: z.string().optional(),
    kind: z.enum(CONTENT_KINDS).optional(),
    linkText: z.string().optional(),
    /** A PDF without a text layer. */
    scanned: z.boolean().optional(),
    /** Extraction failed with this reason. */
    error: z.string().optional(),
  })
  .strict();

export const exampleSchema = z
  .object({
    note: z.string().optional(),
    html: z.string().optional(),
    text: z.string().optional(),
    url: z.url().optional(),
    pages: z.array(examplePageSchema).min(1).optional(),
    asOf: isoDate.optional(),
    expect: z.enum(STATUSES as unknown as [string, ...string[]]).optional(),
    /** The site's sphere for this example (default: the rule's first sphere). */
    sphere: sphere.nullable().optional(),
    /** Coverage of the example site (default: adequate). */
    coverage: z.object({ adequate: z.boolean(), reason: z.string().optional() }).strict().optional(),
    /** Facts from other sources, as `SiteView.data` (e.g. `busgov`: bus.gov.ru answers). */
    data: z.record(z.string(), z.unknown()).optional(),
  })
  .strict()
  .refine(
    (e) => e.html !== undefined || e.text !== undefined || e.pages !== undefined || e.data !== undefined,
    {
      message: "пример должен содержать html, text, pages или data",
    },
  );

const period = z.object({ from: isoDate.optional(), to: isoDate.optional() }).strict();

export const ruleFileSchema = z
  .object({
    id: z.string().regex(/^(authority|institution|busgov)\/[a-z0-9-]+$/, "id вида «authority/имя-файла»"),
    title: z.string().trim().min(3),
    failureTitle: z.string().trim().min(3),
    warnTitle: z.string().trim().min(3).optional(),
    unknownTitle: z.string().trim().min(3).optional(),
    description: z.string().trim().min(20),
    legal: z.array(z.string().trim().min(5)).min(1),
    appliesTo: z
      .object({
        kind: z.enum(["authority", "institution", "busgov"]),
        spheres: z.array(sphere).min(1).optional(),
        from: isoDate.optional(),
        to: isoDate.optional(),
        /** Narrower periods for some spheres (sport: the 2013–2015 pilot only). */
        spherePeriods: z.partialRecord(sphere, period).optional(),
      })
      .strict(),
    severity: z.enum(["critical", "major", "minor"]),
    check: z.looseObject({ type: z.string().min(1) }),
    examples: z
      .object({
        pass: z.array(exampleSchema).min(1, "нужен хотя бы один пример pass"),
        fail: z.array(exampleSchema).min(1, "нужен хотя бы один пример fail"),
      })
      .strict(),
  })
  .strict();

export type RuleFile = z.output<typeof ruleFileSchema>;
export type ExampleDef = z.output<typeof exampleSchema>;
export type ExamplePageDef = z.output<typeof examplePageSchema>;
