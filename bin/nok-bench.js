#!/usr/bin/env node
// `npm run bench`: runs the TypeScript benchmark directly (tsx), like bin/nok.js does for the CLI.
import { register } from "tsx/esm/api";

register();
await import("../bench/main.ts");
