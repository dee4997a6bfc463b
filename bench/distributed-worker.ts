/**
 * Child process for the distributed measurement: one `nok worker` (startWorker) on the bench's Redis; reports
 * when it takes jobs and stops when the parent closes stdin.
 * Args: --queue URL --queue-name NAME --concurrency N --snapshots DIR
 */
import { parseArgs } from "node:util";
import { startWorker } from "../src/index.ts";
import { report, untilParentCloses } from "./child.ts";

const { values } = parseArgs({
  options: {
    queue: { type: "string" },
    "queue-name": { type: "string" },
    concurrency: { type: "string" },
    snapshots: { type: "string" },
  },
});
const worker = await startWorker({
  queue: values.queue!,
  queueName: values["queue-name"]!,
  concurrency: Number(values.concurrency ?? 2),
  snapshotsDir: values.snapshots!,
  chromium: null,
});
await worker.ready();
report({ name: worker.name, pid: process.pid });
await untilParentCloses();
await worker.close();
process.exit(0);
