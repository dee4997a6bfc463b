/** The demo web served by a child process (pinned to the second core when taskset exists). */
import { benchScript, type ChildServer, startChildServer } from "./child.ts";
import type { ServedDemoSite } from "./serve-demo.ts";

export interface DemoServerOptions {
  latencyMs?: number;
  copies?: number;
  only?: string[];
}

export function startDemoServer(
  options: DemoServerOptions = {},
): Promise<ChildServer<{ sites: ServedDemoSite[] }>> {
  const args = ["--latency", String(options.latencyMs ?? 0), "--copies", String(options.copies ?? 1)];
  if (options.only) args.push("--only", options.only.join(","));
  return startChildServer(benchScript("serve-demo.ts"), args, { cpu: 1 });
}
