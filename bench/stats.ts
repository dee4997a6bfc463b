/** Small statistics for the benchmark: medians of repetitions and ratios computed within one run. */

export function median(values: readonly number[]): number {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return Number.NaN;
  const s = [...finite].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** `a / b`, NaN when b is zero or either side is missing (a ratio is never invented). */
export function ratio(a: number, b: number): number {
  return Number.isFinite(a) && Number.isFinite(b) && b !== 0 ? a / b : Number.NaN;
}

export function round(value: number, digits = 2): number {
  if (!Number.isFinite(value)) return value;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Process CPU time (user + system) in milliseconds since `start` (a process.cpuUsage() value). */
export function cpuMsSince(start: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1000;
}

/** One measured crawl of a throughput side: pages and bytes it reports, wall and process CPU time. */
export interface PassResult {
  pages: number;
  bytes: number;
  wallMs: number;
  cpuMs: number;
}

/**
 * The throughput sides' two measured passes over the same web in one process: the first as a short run sees
 * it (JIT still compiling), the second as a long national run does (steady state).
 */
export async function twoPasses(
  crawl: () => Promise<{ pages: number; bytes: number }>,
): Promise<[PassResult, PassResult]> {
  const passes: PassResult[] = [];
  for (let pass = 0; pass < 2; pass++) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const { pages, bytes } = await crawl();
    passes.push({ pages, bytes, wallMs: performance.now() - started, cpuMs: cpuMsSince(cpu) });
  }
  return passes as [PassResult, PassResult];
}

/** A number for Russian text: rounded, decimal comma, no grouping. */
export function ru(value: number, digits = 2): string {
  if (!Number.isFinite(value)) return "—";
  return value.toLocaleString("ru-RU", { maximumFractionDigits: digits, useGrouping: false });
}
