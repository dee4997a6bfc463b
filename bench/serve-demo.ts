/**
 * Child process: serves the bundled demo web (optionally several copies, each copy's sites on their own
 * ports, i.e. their own hosts) and reports the sites; exits when the parent closes stdin. Run apart from
 * the crawler so the servers' CPU and memory never count in a measurement.
 *
 * Args: --latency MS (every response), --copies N, --only id,id
 */
import { parseArgs } from "node:util";
import { buildDemoSite, type DemoSite, startDemoWeb } from "../demo/index.ts";
import { DEMO_SPECS } from "../demo/web/catalogue.ts";
import { type ServedSite, serveSite } from "../demo/web/server.ts";
import { report, untilParentCloses } from "./child.ts";

export interface ServedDemoSite extends DemoSite {
  /** 0 for the first copy of the web, 1… for the extra copies (same content, other hosts). */
  copy: number;
  /** False for the catalogue's site whose port refuses connections. */
  reachable: boolean;
}

const { values } = parseArgs({
  options: {
    latency: { type: "string", default: "0" },
    copies: { type: "string", default: "1" },
    only: { type: "string" },
  },
});
const latencyMs = Number(values.latency);
const copies = Math.max(1, Number(values.copies));
const only = values.only ? values.only.split(",") : undefined;

// The catalogue's "slow" site gets the same latency as the others: the benchmark wants uniform hosts.
const web = await startDemoWeb({ latencyMs, slowLatencyMs: 0, ...(only ? { only } : {}) });
const reachable = (id: string) => DEMO_SPECS.find((s) => s.id === id)?.reachable ?? false;
const sites: ServedDemoSite[] = web.sites.map((s) => ({ ...s, copy: 0, reachable: reachable(s.id) }));
const extra: ServedSite[] = [];
if (copies > 1) {
  for (const spec of DEMO_SPECS) {
    if (!spec.reachable || (only && !only.includes(spec.id))) continue;
    const first = sites.find((s) => s.id === spec.id);
    if (!first) continue;
    const { build } = await buildDemoSite(spec);
    for (let copy = 1; copy < copies; copy++) {
      const served = await serveSite(build, { host: "127.0.0.1", latencyMs });
      extra.push(served);
      const from = new URL(first.url).origin;
      const swap = (u: string) => (u.startsWith(from) ? served.origin + u.slice(from.length) : u);
      const mapUrls = (m: Record<string, string[]>) =>
        Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v.map(swap)]));
      sites.push({
        ...first,
        id: `${first.id}#${copy}`,
        url: `${served.origin}/`,
        evidence: mapUrls(first.evidence),
        decoys: mapUrls(first.decoys),
        copy,
      });
    }
  }
}
report({ sites, pid: process.pid });
await untilParentCloses();
await Promise.all(extra.map((s) => s.close()));
await web.close();
process.exit(0);
