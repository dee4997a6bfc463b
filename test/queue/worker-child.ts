/** A worker in its own process (killed with SIGKILL by the test): args redis-url queue-name snapshots-dir. */
import { startWorker } from "../../src/index.ts";

const [url, queueName, snapshotsDir] = process.argv.slice(2);
const worker = await startWorker({
  queue: url!,
  queueName: queueName!,
  snapshotsDir: snapshotsDir!,
  name: "doomed",
  concurrency: 1,
  chromium: null,
  lockDurationMs: 2_000,
  stalledIntervalMs: 1_000,
});
await worker.ready();
process.stdout.write("ready\n");
