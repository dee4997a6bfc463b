import { InvalidArgumentError } from "commander";
import { SPHERES, type Sphere, type TargetKind } from "../types/index.ts";

/** Option parsers shared by the commands: they fail as usage errors (exit 2) with Russian messages. */
export function parseSphere(value: string): Sphere {
  if ((SPHERES as readonly string[]).includes(value)) return value as Sphere;
  throw new InvalidArgumentError(`неизвестная сфера «${value}»; допустимо: ${SPHERES.join(", ")}`);
}

export function parseKind(value: string): TargetKind {
  if (value === "authority" || value === "institution") return value;
  throw new InvalidArgumentError(`неизвестный вид сайта «${value}»; допустимо: authority, institution`);
}

export function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new InvalidArgumentError(`нужно целое положительное число, получено «${value}»`);
  return n;
}

/** `--ca FILE...`: the PEM certificates of every file (a bad file is a usage error that names it). */
export function readCaFiles(files: string[] | undefined, readCaFile: (file: string) => string[]): string[] {
  return (files ?? []).flatMap((f) => readCaFile(f));
}
