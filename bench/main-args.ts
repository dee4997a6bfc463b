/** Command-line options of `npm run bench`. */
import { parseArgs } from "node:util";
import { MEASUREMENT_IDS, type MeasurementId } from "./types.ts";

export interface MainArgs {
  only: MeasurementId[];
  reps: number;
  quick: boolean;
  /** --reps was given (not the default). */
  repsExplicit: boolean;
}

export function parseBenchArgs(argv: string[]): MainArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      only: { type: "string" },
      reps: { type: "string" },
      quick: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    process.stdout.write(
      "npm run bench -- [--only focus,throughput,politeness,memory,rerun,scale,distributed] [--reps N] [--quick]\n",
    );
    process.exit(0);
  }
  const only = (
    values.only ? values.only.split(",").map((s) => s.trim()) : [...MEASUREMENT_IDS]
  ) as MeasurementId[];
  const unknown = only.filter((id) => !MEASUREMENT_IDS.includes(id));
  if (unknown.length)
    throw new Error(`неизвестный замер: ${unknown.join(", ")} (есть: ${MEASUREMENT_IDS.join(", ")})`);
  const reps = values.reps ? Number(values.reps) : values.quick ? 1 : 3;
  if (!Number.isInteger(reps) || reps < 1)
    throw new Error(`--reps: ожидается целое ≥ 1, получено «${values.reps}»`);
  return { only, reps, quick: values.quick ?? false, repsExplicit: values.reps !== undefined };
}
