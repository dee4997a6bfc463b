import { resolve } from "node:path";
import type { PlansExport } from "../index.ts";
import { UsageError } from "../util/errors.ts";

/** `--busgov-plans FILE`: loads the export, tells what was read and what was not (stderr). */
export async function loadBusgovPlansOption(
  file: string | undefined,
  line: (text: string) => void,
): Promise<PlansExport | undefined> {
  if (!file) return undefined;
  const { loadPlansExport } = await import("../index.ts");
  let exp: PlansExport;
  try {
    exp = await loadPlansExport(resolve(file));
  } catch (err) {
    throw new UsageError(`не удалось прочитать выгрузку планов ${file}: ${(err as Error).message}`);
  }
  for (const i of exp.issues.slice(0, 50)) line(`${file}${i.line ? `:${i.line}` : ""}: ${i.message}`);
  if (exp.plans === 0)
    throw new UsageError(`в выгрузке ${file} нет ни одного плана по форме planShortcomingInfoType`);
  line(
    `Планы из выгрузки ${file}: ${exp.plans} (учреждений: ${exp.byInn.size}, ошибок: ${exp.issues.length})`,
  );
  return exp;
}
