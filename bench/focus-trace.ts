/**
 * Diagnostic for the focus measurement: on each demo site, what the settled crawl read after its verdicts
 * settled (the pages between the settle point and the stop) and which links kept it going.
 * `npx tsx bench/focus-trace.ts [site…]`; the priority shown is the link scored with every rule open (the crawl
 * ranked it by the rules still open, with the settle floors).
 */
import { DEMO_AS_OF, DEMO_SPECS, startDemoWeb } from "../demo/index.ts";
import { createHttpFetcher } from "../src/crawl/index.ts";
import { loadRulesOrThrow } from "../src/pipeline/check-run.ts";
import { createPriority } from "../src/rules/index.ts";
import type { Status } from "../src/types/index.ts";
import { checkDemoAuthority, summaryOf } from "./focus.ts";
import { recordingWriter } from "./recording-writer.ts";
import { replayCrawl, settlePoint } from "./settle.ts";

const only = process.argv.slice(2);
const rules = loadRulesOrThrow();
const authority = rules.filter((r) => r.appliesTo.kind === "authority");
const anyRule = createPriority(authority, () => true);
const web = await startDemoWeb({ slowLatencyMs: 0, ...(only.length ? { only } : {}) });
const fetcher = createHttpFetcher();
const reachable = new Set(DEMO_SPECS.filter((s) => s.reachable).map((s) => s.id));
try {
  for (const site of web.sites.filter((s) => reachable.has(s.id))) {
    const writer = recordingWriter("trace");
    const r = await checkDemoAuthority(site, { fetcher, rules, writer });
    const reference: Record<string, Status> = Object.fromEntries(r.findings.map((f) => [f.rule, f.status]));
    const replay = await replayCrawl(writer);
    const sp = settlePoint({
      startUrl: site.url,
      replay,
      summary: summaryOf(r),
      rules: authority,
      asOf: DEMO_AS_OF,
      sphere: site.sphere,
      reference,
    });
    console.log(
      `\n== ${site.id}: settle ${sp.pages}, stop ${writer.entries.length}; ${r.findings.map((f) => `${f.rule}=${f.status}`).join(" ")}`,
    );
    for (const [i, e] of writer.entries.entries()) {
      const mark = i + 1 <= sp.pages ? " " : "+";
      const p = anyRule(
        { url: e.url, text: e.linkText ?? "", ...(e.linkContext ? { context: e.linkContext } : {}) },
        e.depth,
      );
      console.log(
        `${mark}${String(i + 1).padStart(3)} d${e.depth} p${p.toFixed(1).padStart(5)} ${e.status} «${(e.linkText ?? "").slice(0, 40)}» ${e.url.replace(site.url, "")} ← ${(e.referrer ?? "").replace(site.url, "")}`,
      );
    }
  }
} finally {
  await fetcher.close?.();
  await web.close();
}
