#!/usr/bin/env node
// `npm run eval`: accuracy on the real-modelled corpus (test/corpus/), run by tsx like bin/nok.js.
import { register } from "tsx/esm/api";

register();
await import("../eval/main.ts");
