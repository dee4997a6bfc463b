/** Zod schemas of the registry: who is checked. Types are inferred from them, so the two never drift. */
import { z } from "zod";
import { SPHERES, type Sphere } from "../types/common.ts";

export const FEDERAL_DISTRICTS = ["ЦФО", "СЗФО", "ЮФО", "СКФО", "ПФО", "УФО", "СФО", "ДФО"] as const;
export type FederalDistrict = (typeof FEDERAL_DISTRICTS)[number];

export const RegionInfoSchema = z.object({
  /** Two-digit subject code (ФНС «ССРФ» numbering, see registry/regions.yaml). */
  code: z.string().regex(/^\d{2}$/, "код региона — две цифры"),
  name: z.string().min(1),
  short: z.string().min(1),
  district: z.enum(FEDERAL_DISTRICTS),
  /** Other spellings the loaders accept for this region (added field, optional). */
  aliases: z.array(z.string().min(1)).optional(),
  /** How letters address the region's highest executive body, lines separated by "\n" (added field, optional). */
  addressee: z.string().min(1).optional(),
  /** Where notifications go (e-mail addresses; checked with file and line by src/notify/contacts.ts). */
  contacts: z.array(z.string()).optional(),
});
export type RegionInfo = z.infer<typeof RegionInfoSchema>;

export const SphereSchema = z.enum(SPHERES as readonly [Sphere, ...Sphere[]]);
export const SiteKindSchema = z.enum(["authority", "institution"]);
export type SiteKind = z.infer<typeof SiteKindSchema>;
export const RenderModeSchema = z.enum(["never", "auto", "always"]);
export type RenderMode = z.infer<typeof RenderModeSchema>;

export const RegistrySiteSchema = z.object({
  kind: SiteKindSchema,
  /** Region code, e.g. "71". */
  region: z.string().regex(/^\d{2}$/),
  sphere: SphereSchema,
  name: z.string().min(1),
  url: z.url({ protocol: /^https?$/ }),
  /** 10 digits (legal entity) or 12 (individual); the checksum is checked by the loader. */
  inn: z
    .string()
    .regex(/^(\d{10}|\d{12})$/)
    .optional(),
  /** Agency id on bus.gov.ru (digits). */
  busgovId: z.string().min(1).optional(),
  /** Whether the crawler should render pages in a browser. */
  render: RenderModeSchema.optional(),
});
export type RegistrySite = z.infer<typeof RegistrySiteSchema>;

export const RegistryIssueSchema = z.object({
  file: z.string(),
  /** Line in a text file (YAML, CSV), 1-based; null for XLSX and whole-file problems. */
  line: z.number().int().positive().nullable(),
  /** Row as a person sees it: the spreadsheet row (header = 1) or the item's position in a YAML list. */
  row: z.number().int().positive().nullable(),
  column: z.string().optional(),
  /** Russian, meant for the ministry staff who keep the lists. */
  message: z.string(),
  severity: z.enum(["error", "warning"]),
});
export type RegistryIssue = z.infer<typeof RegistryIssueSchema>;
