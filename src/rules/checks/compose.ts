/** `any` / `all`: a rule that needs several kinds of evidence, or accepts one of several. */
import { z } from "zod";
import type { CheckOutcome, CheckType, Evidence, Status } from "../../types/index.ts";
import { ParamError, parseWith } from "./params.ts";
import { type ParsedCheck, parseCheck } from "./registry.ts";

const schema = z.object({ checks: z.array(z.record(z.string(), z.unknown())).min(1) }).strict();

export interface ComposeParams {
  checks: ParsedCheck[];
}

function parseChildren(params: Record<string, unknown>): ComposeParams {
  const p = parseWith(schema, params);
  return {
    checks: p.checks.map((c, i) => {
      try {
        return parseCheck(c);
      } catch (e) {
        if (e instanceof ParamError)
          throw new ParamError(e.issues.map((x) => ({ ...x, path: ["checks", i, ...x.path] })));
        throw e;
      }
    }),
  };
}

const BEST: Status[] = ["pass", "warn", "unknown", "fail", "n/a"];
const WORST: Status[] = ["fail", "unknown", "warn", "pass", "n/a"];

function combine(outcomes: CheckOutcome[], order: Status[]): CheckOutcome {
  const rank = (s: Status) => order.indexOf(s);
  const status = outcomes.reduce<Status>(
    (m, o) => (rank(o.status) < rank(m) ? o.status : m),
    order[order.length - 1]!,
  );
  const chosen = outcomes.filter((o) => o.status === status);
  const others = outcomes.filter((o) => o.status !== status);
  const message = [...new Set([...chosen, ...(status === "pass" ? [] : others)].map((o) => o.message))].join(
    " ",
  );
  return {
    status,
    message,
    evidence: uniqueEvidence([...chosen, ...others].flatMap((o) => o.evidence)).slice(0, 4),
    details: { parts: outcomes.map((o) => ({ status: o.status, ...(o.details ?? {}) })) },
  };
}

function uniqueEvidence(list: Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return list.filter((e) => {
    const k = `${e.url}|${e.excerpt}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export const anyCheck: CheckType<ComposeParams> = {
  name: "any",
  parse: parseChildren,
  evaluate(site, p, ctx) {
    return combine(
      p.checks.map((c) => c.type.evaluate(site, c.params, ctx)),
      BEST,
    );
  },
  cues(p) {
    return mergeCues(p);
  },
};

export const allCheck: CheckType<ComposeParams> = {
  name: "all",
  parse: parseChildren,
  evaluate(site, p, ctx) {
    return combine(
      p.checks.map((c) => c.type.evaluate(site, c.params, ctx)),
      WORST,
    );
  },
  cues(p) {
    return mergeCues(p);
  },
};

function mergeCues(p: ComposeParams): { phrases: string[]; urlFragments: string[] } {
  const phrases: string[] = [];
  const urlFragments: string[] = [];
  for (const c of p.checks) {
    const cu = c.type.cues?.(c.params);
    if (cu) {
      phrases.push(...cu.phrases);
      urlFragments.push(...cu.urlFragments);
    }
  }
  return { phrases: [...new Set(phrases)], urlFragments: [...new Set(urlFragments)] };
}
