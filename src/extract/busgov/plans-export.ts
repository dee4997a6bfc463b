/**
 * Improvement plans from an export (`--busgov-plans FILE.xml|json`): since no public endpoint for plans is
 * known, a user who has the plans (an export in the ГМУ exchange format, planShortcomingInfoType) feeds
 * them here and the `busgov/*` plan rules judge them like an answer of the service.
 *
 * XML: every element with a RATING_YEAR child is one plan (so the export's envelope does not matter);
 * namespace prefixes are dropped; GROUPS_SHORTCOMINGS, SHORTCOMINGS and PLAN_SHORTCOMING_DOCUMENTS are
 * lists. JSON: an array of plans, `{ plans: [...] }` or one plan. Each plan is validated with
 * planShortcomingSchema; a bad one is reported (file, line or item) and the others load.
 */
import { readFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import { SaxesParser } from "saxes";
import type { BusGovAnswer, ImprovementPlan } from "../../types/busgov-answers.ts";
import type { BusGovClient } from "./client.ts";
import { mapPlan } from "./endpoints.ts";
import { type PlanShortcomingJson, planShortcomingSchema } from "./schemas.ts";

export interface PlansExport {
  /** file:// URL of the export: evidence and snapshots point here. */
  url: string;
  /** Validated plans by INN. */
  byInn: Map<string, PlanShortcomingJson[]>;
  issues: { line: number | null; message: string }[];
  plans: number;
}

const LISTS = new Set(["GROUPS_SHORTCOMINGS", "SHORTCOMINGS", "PLAN_SHORTCOMING_DOCUMENTS"]);

interface Node {
  name: string;
  line: number;
  children: Node[];
  text: string;
}

/** An element as the JSON form: leaves are text, LISTS and repeated names are arrays. */
function toJson(node: Node): unknown {
  if (node.children.length === 0) return node.text.trim();
  const out: Record<string, unknown> = {};
  for (const child of node.children) {
    const value = toJson(child);
    const prev = out[child.name];
    if (LISTS.has(child.name)) out[child.name] = [...((prev as unknown[]) ?? []), value];
    else if (prev === undefined) out[child.name] = value;
    else out[child.name] = Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}

function xmlPlans(text: string): { items: { json: unknown; line: number }[]; error: string | null } {
  const parser = new SaxesParser({ position: true });
  const stack: Node[] = [];
  const items: { json: unknown; line: number }[] = [];
  let error: string | null = null;
  parser.on("opentag", (tag) => {
    const node: Node = {
      name: tag.name.slice(tag.name.indexOf(":") + 1),
      line: parser.line,
      children: [],
      text: "",
    };
    stack.at(-1)?.children.push(node);
    stack.push(node);
  });
  parser.on("text", (t) => {
    const top = stack.at(-1);
    if (top) top.text += t;
  });
  parser.on("closetag", () => {
    const node = stack.pop();
    if (!node) return;
    if (node.children.some((c) => c.name === "RATING_YEAR")) {
      items.push({ json: toJson(node), line: node.line });
      // A plan's subtree is not needed once converted: keeps memory to one plan.
      const parent = stack.at(-1);
      if (parent) parent.children = parent.children.filter((c) => c !== node);
    }
  });
  parser.on("error", (err) => {
    error ??= `ошибка XML: ${err.message}`;
  });
  parser.write(text).close();
  return { items, error };
}

function jsonPlans(text: string): { items: { json: unknown; line: number }[]; error: string | null } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { items: [], error: `не JSON: ${(err as Error).message}` };
  }
  const list = Array.isArray(json) ? json : ((json as { plans?: unknown }).plans ?? [json]);
  if (!Array.isArray(list)) return { items: [], error: "ожидается список планов или { plans: [...] }" };
  return { items: list.map((json, i) => ({ json, line: i + 1 })), error: null };
}

/** Reads and validates an export; a file it cannot read at all throws (a usage error for the CLI). */
export async function loadPlansExport(file: string): Promise<PlansExport> {
  const text = await readFile(file, "utf8");
  const isXml = /\.xml$/i.test(file) || text.trimStart().startsWith("<");
  const { items, error } = isXml ? xmlPlans(text) : jsonPlans(text);
  const exp: PlansExport = { url: pathToFileURL(file).href, byInn: new Map(), issues: [], plans: 0 };
  if (error) exp.issues.push({ line: null, message: error });
  for (const { json, line } of items) {
    const parsed = planShortcomingSchema.safeParse(json);
    if (!parsed.success) {
      const i = parsed.error.issues[0];
      exp.issues.push({
        line,
        message: `план не по форме planShortcomingInfoType: ${i ? `${i.path.join(".")}: ${i.message}` : ""}`,
      });
      continue;
    }
    const list = exp.byInn.get(parsed.data.INN) ?? [];
    list.push(parsed.data);
    exp.byInn.set(parsed.data.INN, list);
    exp.plans++;
  }
  return exp;
}

/** The URL under which one institution's plans from an export are stored and replayed. */
export function exportPlansUrl(exportUrl: string, inn: string): string {
  return `${exportUrl}#inn=${inn}`;
}

/**
 * A client whose plans come from the export: the INN is remembered from each card found (or the query),
 * and the answer's raw body is `{ plans: [...] }` in the stand-in's shape, so a stored run re-judges it
 * offline like any answer. An institution the export does not mention stays `unknown`: an export may
 * cover only part of the country, so its silence does not prove a plan is missing.
 */
export function withPlansExport(client: BusGovClient, exp: PlansExport): BusGovClient {
  const innOf = new Map<string, string>();
  return {
    async findAgency(query) {
      const answer = await client.findAgency(query);
      if (answer.ok && answer.value) {
        const inn = answer.value.inn ?? query.inn;
        if (inn) innOf.set(answer.value.id, inn);
      }
      return answer;
    },
    ratings: (id) => client.ratings(id),
    async plans(agencyId): Promise<BusGovAnswer<ImprovementPlan[]>> {
      const inn = innOf.get(agencyId);
      if (!inn)
        return {
          ok: false,
          url: exp.url,
          error: { code: "unknown", message: "ИНН учреждения неизвестен: план из выгрузки не сопоставить" },
        };
      const url = exportPlansUrl(exp.url, inn);
      const plans = exp.byInn.get(inn);
      if (!plans)
        return {
          ok: false,
          url,
          error: {
            code: "unknown",
            message: `в выгрузке планов нет учреждения с ИНН ${inn}: по выгрузке отсутствие плана не установить`,
          },
        };
      const raw = new TextEncoder().encode(JSON.stringify({ plans }));
      const fetchedAt = new Date().toISOString();
      return {
        ok: true,
        value: plans.map(mapPlan),
        url,
        fetchedAt,
        raw,
        trail: [{ url, status: 200, fetchedAt, raw }],
      };
    },
    ...(client.close ? { close: () => client.close!() } : {}),
  };
}
