/** Child process: serves the synthetic institutions (arg: --latency MS) until the parent closes stdin. */
import { parseArgs } from "node:util";
import { report, untilParentCloses } from "./child.ts";
import { startInstitutionWeb } from "./institution-web.ts";

const { values } = parseArgs({ options: { latency: { type: "string" } } });
const web = await startInstitutionWeb(Number(values.latency ?? 0));
report({ port: web.port, pid: process.pid });
await untilParentCloses();
await web.close();
process.exit(0);
