/**
 * Child processes for the benchmark: each measured side runs in its own Node process (optionally pinned to
 * one core with taskset), so neither the other side, the demo servers nor the orchestrator count in its
 * CPU time or memory. A child reports by printing one marked JSON line on stdout.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const MARK = "@@nok-bench@@";

let tasksetChecked: boolean | null = null;

/** Whether `taskset` (util-linux) can pin processes here. */
export function hasTaskset(): boolean {
  if (tasksetChecked === null) {
    const probe = spawnSync("taskset", ["-c", "0", "true"], { stdio: "ignore" });
    tasksetChecked = probe.status === 0;
  }
  return tasksetChecked;
}

/** Path of a sibling script of this folder (children are .ts files run through tsx). */
export function benchScript(name: string): string {
  return fileURLToPath(new URL(name, import.meta.url));
}

export interface ChildOptions {
  /** Pin the child to this core (taskset -c N) when taskset exists. */
  cpu?: number;
  env?: Record<string, string>;
  /** Safety net: the child is killed after this long. */
  timeoutMs?: number;
  /** Extra Node options, e.g. --max-old-space-size=400. */
  nodeArgs?: string[];
}

function command(
  script: string,
  args: string[],
  cpu: number | undefined,
  nodeArgs: string[] = [],
): { file: string; argv: string[] } {
  const node = [process.execPath, ...nodeArgs, "--import", "tsx", script, ...args];
  if (cpu !== undefined && hasTaskset()) return { file: "taskset", argv: ["-c", String(cpu), ...node] };
  return { file: node[0]!, argv: node.slice(1) };
}

function spawnChild(script: string, args: string[], options: ChildOptions): ChildProcess {
  const { file, argv } = command(script, args, options.cpu, options.nodeArgs);
  return spawn(file, argv, {
    cwd: fileURLToPath(new URL("..", import.meta.url)),
    env: { ...process.env, ...options.env },
    stdio: ["pipe", "pipe", "pipe"],
  });
}

function parseMarked(line: string): unknown | undefined {
  const at = line.indexOf(MARK);
  return at < 0 ? undefined : JSON.parse(line.slice(at + MARK.length));
}

/** Runs a child script to completion and returns the value it reported. */
export function runChild<T>(script: string, args: string[], options: ChildOptions = {}): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawnChild(script, args, options);
    let out = "";
    let err = "";
    child.stdout?.on("data", (d: Buffer) => {
      out += d.toString("utf8");
    });
    child.stderr?.on("data", (d: Buffer) => {
      err = (err + d.toString("utf8")).slice(-8_000);
    });
    const timer = options.timeoutMs
      ? setTimeout(() => child.kill("SIGKILL"), options.timeoutMs).unref()
      : null;
    child.on("error", reject);
    child.on("close", (code, signal) => {
      if (timer) clearTimeout(timer);
      let value: unknown;
      for (const line of out.split("\n")) value = parseMarked(line) ?? value;
      if (code === 0 && value !== undefined) resolve(value as T);
      else reject(new Error(`${script} exited with ${code ?? signal}: ${err.trim().slice(-2_000)}`));
    });
  });
}

export interface ChildServer<T> {
  info: T;
  pid: number;
  stop(): Promise<void>;
}

/**
 * Starts a long-running child (a server) and resolves with the first value it reports; stop() closes its
 * stdin (the child exits on that) and kills it if it lingers. A stepped child that is never asked a step.
 */
export async function startChildServer<T>(
  script: string,
  args: string[],
  options: ChildOptions = {},
): Promise<ChildServer<T>> {
  const child = await startSteppedChild<never>(script, args, options);
  return { info: child.ready as T, pid: child.pid, stop: child.stop };
}

/** Called by a child: report the result (one marked line on stdout). */
export function report(value: unknown): void {
  process.stdout.write(`\n${MARK}${JSON.stringify(value)}\n`);
}

/** Called by a server child: resolves when the parent closes our stdin (or the process is told to stop). */
export function untilParentCloses(): Promise<void> {
  return new Promise((resolve) => {
    process.stdin.on("end", () => resolve());
    process.stdin.on("close", () => resolve());
    process.on("SIGTERM", () => resolve());
    process.stdin.resume();
  });
}

/**
 * A child asked for one step at a time: it reports once when ready, then once per line the parent writes to
 * its stdin. The throughput bench keeps both sides alive and interleaves their passes, so that a slow spell
 * of the machine falls on both sides' passes alike.
 */
export interface SteppedChild<T> {
  /** What the child reported when ready. */
  ready: unknown;
  pid: number;
  /** Sends one command line and resolves with the child's next report. */
  step(command: string): Promise<T>;
  stop(): Promise<void>;
}

export function startSteppedChild<T>(
  script: string,
  args: string[],
  options: ChildOptions = {},
): Promise<SteppedChild<T>> {
  const child = spawnChild(script, args, options);
  const values: unknown[] = [];
  const waiting: { resolve: (v: unknown) => void; reject: (e: Error) => void }[] = [];
  let buffered = "";
  let err = "";
  let failure: Error | null = null;
  const exited = new Promise<void>((done) => child.on("close", () => done()));
  const deliver = (value: unknown) => {
    const w = waiting.shift();
    if (w) w.resolve(value);
    else values.push(value);
  };
  const next = () =>
    new Promise<unknown>((resolve, reject) => {
      if (values.length > 0) resolve(values.shift());
      else if (failure) reject(failure);
      else waiting.push({ resolve, reject });
    });
  child.stderr?.on("data", (d: Buffer) => {
    err = (err + d.toString("utf8")).slice(-8_000);
  });
  child.stdout?.on("data", (d: Buffer) => {
    buffered += d.toString("utf8");
    const lines = buffered.split("\n");
    buffered = lines.pop() ?? "";
    for (const line of lines) {
      const value = parseMarked(line);
      if (value !== undefined) deliver(value);
    }
  });
  const fail = (e: Error) => {
    failure = e;
    for (const w of waiting.splice(0)) w.reject(e);
  };
  child.on("error", fail);
  child.on("close", (code, signal) =>
    fail(new Error(`${script} exited with ${code ?? signal}: ${err.trim().slice(-2_000)}`)),
  );
  const timer = options.timeoutMs ? setTimeout(() => child.kill("SIGKILL"), options.timeoutMs).unref() : null;
  return next().then((ready) => ({
    ready,
    pid: child.pid ?? -1,
    step: (command: string) => {
      child.stdin?.write(`${command}\n`);
      return next() as Promise<T>;
    },
    stop: async () => {
      child.stdin?.end();
      const killer = setTimeout(() => child.kill("SIGKILL"), 5_000).unref();
      await exited;
      clearTimeout(killer);
      if (timer) clearTimeout(timer);
    },
  }));
}

/** Child side of startSteppedChild: reports `ready`, then answers every stdin line with `answer(line)`. */
export async function serveSteps(
  ready: unknown,
  answer: (command: string) => Promise<unknown>,
): Promise<void> {
  report(ready);
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) if (line.trim()) report(await answer(line.trim()));
}
