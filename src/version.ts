import { readFileSync } from "node:fs";

/** The package version, read once from package.json (the single source of truth). */
export const TOOL_VERSION: string = (
  JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }
).version;

/** Repository root (rules/, registry/ and the default output folders are resolved from here). */
export const REPO_ROOT: string = new URL("..", import.meta.url).pathname;
