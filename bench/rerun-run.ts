/**
 * Child process for measurement 5: one checkSites pass into --root (a re-run when --root already holds a
 * run). Args: --root DIR --targets JSON
 */
import { parseArgs } from "node:util";
import type { SiteTarget } from "../src/pipeline/site.ts";
import { report } from "./child.ts";
import { checkPass } from "./rerun-pass.ts";

const { values } = parseArgs({ options: { root: { type: "string" }, targets: { type: "string" } } });
const targets = JSON.parse(values.targets ?? "[]") as SiteTarget[];
report(await checkPass(values.root ?? "/tmp/nok-bench-rerun", targets));
process.exit(0);
