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
 * Passes each throughput side makes over the same web in one process. The first is a short run (JIT compiling
 * everything); V8 goes on compiling for a while (a traced run of our side: 221 TurboFan compilations in the
 * second pass, 1.25 s of CPU, still about a hundred in the third and fourth — pdf.js, mammoth and SheetJS
 * see only some eighty documents a pass), so the steady state of a long national run is read from passes 3
 * to 6, on both sides alike.
 */
export const THROUGHPUT_PASSES = 6;
/** The first pass read as steady state (1-based). */
export const STEADY_FROM = 3;

/** One measured crawl: pages and bytes it reports, its wall time and the process's CPU time. */
export async function measurePass(
  crawl: () => Promise<{ pages: number; bytes: number }>,
): Promise<PassResult> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const { pages, bytes } = await crawl();
  return { pages, bytes, wallMs: performance.now() - started, cpuMs: cpuMsSince(cpu) };
}

/** The pass with the most pages a second. */
export function fastestPass(passes: PassResult[]): PassResult {
  return passes.reduce((best, p) => (p.pages / p.wallMs > best.pages / best.wallMs ? p : best));
}

/** Passes pooled: pages, bytes, wall and CPU summed. */
export function pooledPasses(passes: PassResult[]): PassResult {
  return passes.reduce(
    (a, p) => ({
      pages: a.pages + p.pages,
      bytes: a.bytes + p.bytes,
      wallMs: a.wallMs + p.wallMs,
      cpuMs: a.cpuMs + p.cpuMs,
    }),
    { pages: 0, bytes: 0, wallMs: 0, cpuMs: 0 },
  );
}

/** A number for Russian text: rounded, decimal comma, no grouping. */
export function ru(value: number, digits = 2): string {
  if (!Number.isFinite(value)) return "—";
  return value.toLocaleString("ru-RU", { maximumFractionDigits: digits, useGrouping: false });
}
