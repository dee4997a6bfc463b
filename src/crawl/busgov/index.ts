export type * from "../../types/busgov-answers.ts";
export { answerPages } from "./answer-pages.ts";
export { type BusGovHttp, type BusGovHttpOptions, createBusGovHttp } from "./http-client.ts";
export { createPacer, type Pacer, type PacerOptions } from "./pacer.ts";
export type { BusGovTransport } from "./transport.ts";
