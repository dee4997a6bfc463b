import { type Command, InvalidArgumentError } from "commander";
import { parseAsOf, todayIso } from "../../util/target-url.ts";
import { parsePositiveInt } from "../options.ts";

function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new InvalidArgumentError(`порт — целое число от 0 до 65535, получено «${value}»`);
  return n;
}

/** "80,443" → [80, 443]; "any" → "any". */
function parsePorts(value: string): number[] | "any" {
  if (value.trim().toLowerCase() === "any") return "any";
  const ports = value
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map(parsePort);
  if (ports.length === 0) throw new InvalidArgumentError("не указан ни один порт");
  return ports;
}

const LOOPBACK = new Set(["127.0.0.1", "::1", "localhost"]);

export function registerServe(program: Command): void {
  program
    .command("serve")
    .description("веб-панель: обзор по субъектам, страницы регионов, самопроверка сайта и JSON API")
    .option("--port <n>", "порт", parsePort, 8080)
    .option("--host <host>", "адрес, на котором слушать (по умолчанию только этот компьютер)", "127.0.0.1")
    .option(
      "--allow-private",
      "разрешить самопроверку адресов локальной и частных сетей и любых портов (демо, тесты; не для публичного сервера)",
    )
    .option(
      "--allow-ports <list>",
      "порты, разрешённые для самопроверки (по умолчанию 80,443,8080,8443; any — любые)",
      parsePorts,
    )
    .option("--max-checks <n>", "одновременных самопроверок", parsePositiveInt, 2)
    .option("--rate-limit <n>", "самопроверок в минуту с одного адреса клиента", parsePositiveInt, 5)
    .option("--trust-proxy", "за обратным прокси: адрес клиента брать из последнего X-Forwarded-For")
    .option("--max-pages <n>", "не более N страниц на одну самопроверку", parsePositiveInt)
    .option("--as-of <date>", "дата, на которую выносятся вердикты самопроверок (ГГГГ-ММ-ДД)")
    .action(async (opts) => {
      const { createServer } = await import("../../server/index.ts");
      const asOf = opts.asOf ? parseAsOf(opts.asOf, todayIso()) : undefined;
      const server = await createServer({
        host: opts.host,
        port: opts.port,
        allowPrivate: Boolean(opts.allowPrivate),
        ...(opts.allowPorts ? { allowedPorts: opts.allowPorts } : {}),
        maxConcurrentChecks: opts.maxChecks,
        rateLimit: { max: opts.rateLimit, windowMs: 60_000 },
        trustProxy: Boolean(opts.trustProxy),
        ...(opts.maxPages ? { checkBudget: { maxPages: opts.maxPages } } : {}),
        ...(asOf ? { asOf } : {}),
      });
      process.stderr.write(`nok serve: панель доступна по адресу ${server.url}/\n`);
      if (opts.allowPrivate) {
        process.stderr.write(
          "nok serve: самопроверка может обращаться к адресам локальной и частных сетей (--allow-private)\n",
        );
        if (!LOOPBACK.has(opts.host))
          process.stderr.write(
            "nok serve: ВНИМАНИЕ: сервер открыт в сеть и при этом разрешает запросы к внутренним адресам\n",
          );
      }
      process.stderr.write("Остановить: Ctrl+C\n");
      await new Promise<void>((done) => {
        process.once("SIGINT", done);
        process.once("SIGTERM", done);
      });
      process.stderr.write("nok serve: остановка…\n");
      await server.close();
    });
}
