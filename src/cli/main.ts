import { Command, CommanderError } from "commander";
import { errorMessage, UsageError } from "../util/errors.ts";
import { TOOL_VERSION } from "../version.ts";
import { registerCheck } from "./commands/check.ts";
import { registerCrawl } from "./commands/crawl.ts";
import { registerDemo } from "./commands/demo.ts";
import { registerDispute } from "./commands/dispute.ts";
import { registerLetters } from "./commands/letters.ts";
import { registerNotify } from "./commands/notify.ts";
import { registerRecheck } from "./commands/recheck.ts";
import { registerRegistry } from "./commands/registry.ts";
import { registerReport } from "./commands/report.ts";
import { registerRules } from "./commands/rules.ts";
import { registerRun } from "./commands/run.ts";
import { registerSchedule } from "./commands/schedule.ts";
import { registerServe } from "./commands/serve.ts";
import { registerWorker } from "./commands/worker.ts";

/** The CLI is a thin table of options over the programmatic API (src/index.ts). */
const program = new Command()
  .name("nok")
  .description("nok-monitor — проверка публикации сведений о независимой оценке качества (НОК) на сайтах")
  .version(TOOL_VERSION)
  .showHelpAfterError()
  .exitOverride();

registerCrawl(program);
registerCheck(program);
registerRules(program);
registerDemo(program);
registerRun(program);
registerWorker(program);
registerReport(program);
registerRecheck(program);
registerSchedule(program);
registerServe(program);
registerRegistry(program);
registerLetters(program);
registerNotify(program);
registerDispute(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    // --help and --version end here with code 0; usage mistakes with 2 (contract: usage error).
    process.exitCode = err.exitCode === 0 ? 0 : 2;
  } else if (err instanceof UsageError) {
    process.stderr.write(`ошибка: ${err.message}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`внутренняя ошибка: ${errorMessage(err)}\n`);
    if (process.env.NOK_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
    process.exitCode = 4;
  }
}
