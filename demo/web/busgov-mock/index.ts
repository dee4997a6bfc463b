export { demoAgencies } from "./fixtures.ts";
export { startBusGovMock } from "./server.ts";
export type { BusGovMock, BusGovMockOptions, MockAgency } from "./types.ts";
