export { infoCardUrl } from "../../extract/busgov/endpoints.ts";
export type * from "../../types/busgov-answers.ts";
export { answerPages } from "./answer-pages.ts";
export type { BusGovClient } from "./client.ts";
export { type BusGovClientOptions, createBusGovClient, type HttpBusGovClient } from "./http-client.ts";
export { createPacer, type Pacer, type PacerOptions } from "./pacer.ts";
export type { BusGovTransport } from "./transport.ts";
