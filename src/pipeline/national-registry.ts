import { readdirSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "../version.ts";

const LIST = /\.(ya?ml|csv|xlsx)$/i;
/** Not site lists: the subjects list and the blank templates. */
const NOT_SITES = /^(regions\.ya?ml|template\.(ya?ml|csv|xlsx))$/i;

/** Without `--registry`, every site list in `registry/` (regions.yaml and the templates excluded), sorted. */
export function defaultRegistryFiles(dir: string = join(REPO_ROOT, "registry")): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => LIST.test(n) && !NOT_SITES.test(n) && !n.startsWith("."))
    .sort()
    .map((n) => join(dir, n));
}
