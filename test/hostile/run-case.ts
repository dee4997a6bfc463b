import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/** What a child-process case left behind. */
export interface CaseResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** True when the case's own timeout killed it. */
  timedOut: boolean;
}

export interface CaseLimits {
  /** The child is killed after this long: a generous bound, not a timing assertion. */
  timeoutMs: number;
  /** V8 heap limit of the child: a case that needs more dies with "heap out of memory". */
  maxOldSpaceMb?: number;
  /** More Node flags (e.g. `--expose-gc`). */
  nodeFlags?: string[];
  env?: Record<string, string>;
  cwd?: string;
}

const TSX = "tsx";

/**
 * Runs a TypeScript file (or bin/nok.js) in its own Node process with its own time and heap limits, so a
 * hostile case that runs away fails by being killed instead of hanging or swapping the test runner.
 */
export function runCase(script: string | URL, args: string[], limits: CaseLimits): Promise<CaseResult> {
  const file = script instanceof URL ? fileURLToPath(script) : script;
  const nodeArgs = [
    ...(limits.maxOldSpaceMb ? [`--max-old-space-size=${limits.maxOldSpaceMb}`] : []),
    ...(limits.nodeFlags ?? []),
    ...(file.endsWith(".ts") ? ["--import", TSX] : []),
    file,
    ...args,
  ];
  return new Promise((done) => {
    const child = spawn(process.execPath, nodeArgs, {
      env: { ...process.env, ...limits.env },
      cwd: limits.cwd ?? fileURLToPath(new URL("../..", import.meta.url)),
    });
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, limits.timeoutMs);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      done({ code, signal, stdout, stderr, timedOut });
    });
  });
}

/** Peak resident set size a case reports about itself on its last stderr line (`peak-rss-mb N`). */
export function peakRssMb(result: CaseResult): number | null {
  const m = /peak-rss-mb (\d+)/.exec(result.stderr);
  return m ? Number(m[1]) : null;
}
