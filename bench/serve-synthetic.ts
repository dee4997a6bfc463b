/** Child process: serves the synthetic site set (args: --hosts H --pages P) until the parent closes stdin. */
import { parseArgs } from "node:util";
import { report, untilParentCloses } from "./child.ts";
import { startSyntheticWeb } from "./synthetic-web.ts";

const { values } = parseArgs({ options: { hosts: { type: "string" }, pages: { type: "string" } } });
const web = await startSyntheticWeb(Number(values.hosts ?? 20), Number(values.pages ?? 5_000));
report({ hosts: web.hosts, pid: process.pid });
await untilParentCloses();
await web.close();
process.exit(0);
