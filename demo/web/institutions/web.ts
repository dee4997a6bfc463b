/**
 * The institution demo web: hand-made institution sites on 127.0.0.1, each on its own port, with the
 * verdicts a correct checker gives as of DEMO_AS_OF (institution rules, and busgov rules against the
 * bus.gov.ru mock fed with institutionAgencies).
 */
import { DEMO_AS_OF } from "../clock.ts";
import { INSTITUTION_SPECS } from "./catalogue.ts";
import { type ServedInstitution, serveInstitution } from "./server.ts";
import type { InstitutionDemoSite, InstitutionSpec } from "./types.ts";

export { DEMO_AS_OF };

export interface InstitutionWeb {
  sites: InstitutionDemoSite[];
  close(): Promise<void>;
}

export interface InstitutionWebOptions {
  /** Delay every response of every site. */
  latencyMs?: number;
  /** Start only these site ids. */
  only?: string[];
}

function demoSite(spec: InstitutionSpec, origin: string): InstitutionDemoSite {
  return {
    id: spec.id,
    name: spec.name,
    url: `${origin}/`,
    kind: "institution",
    region: spec.region,
    sphere: spec.sphere,
    inn: spec.inn,
    busgovId: spec.busgovId,
    expected: { ...spec.expected },
    expectedChannels: [...spec.expectedChannels],
    expectedBusgov: { ...spec.expectedBusgov },
    notes: { ...spec.notes },
    needsBrowser: spec.needsBrowser,
  };
}

export async function startInstitutionWeb(options: InstitutionWebOptions = {}): Promise<InstitutionWeb> {
  const specs = INSTITUTION_SPECS.filter((s) => !options.only || options.only.includes(s.id));
  const served: ServedInstitution[] = [];
  const sites: InstitutionDemoSite[] = [];
  try {
    // Sequential: building renders PDFs (CPU-bound) and the machine is shared.
    for (const spec of specs) {
      const files = await spec.build();
      const s = await serveInstitution(files, { latencyMs: options.latencyMs ?? 0 });
      served.push(s);
      sites.push(demoSite(spec, s.origin));
    }
  } catch (err) {
    await Promise.all(served.map((s) => s.close()));
    throw err;
  }
  return {
    sites,
    close: async () => {
      await Promise.all(served.map((s) => s.close()));
    },
  };
}
