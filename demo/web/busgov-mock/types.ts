import type { Sphere } from "../../../src/types/common.ts";

/** One institution as the bus.gov.ru mock knows it. */
export interface MockAgency {
  /** bus.gov.ru agency id (digits). */
  id: string;
  inn: string;
  name: string;
  /** Region code, e.g. "71". */
  region: string;
  sphere: Sphere;
  /** НОК results by year; the mock serves the latest one, as the real commonInfo does. */
  results: { year: number; totalScore: number; criteria: Record<string, number> }[];
  /**
   * Improvement plans (served as planShortcomingInfoType). `reportPlaced` fills FACT_DATE/MEASURES on every
   * item; `reported: "some"` on the first item only.
   */
  plans: { year: number; reportPlaced: boolean; reported?: "all" | "some" | "none" }[];
  website?: string;
  fullName?: string;
  /** "unexpected-shape": ratings and plans answer JSON of a structure the client does not know. */
  quirk?: "unexpected-shape";
}

export interface BusGovMockOptions {
  /** Delay before every answer. */
  latencyMs?: number;
  /** Answer 503 to the first N requests (retry tests). */
  failFirst?: number;
}

export interface BusGovMock {
  url: string;
  close(): Promise<void>;
  /** Every request in arrival order: path with query, and Date.now() at arrival. */
  requests: { path: string; at: number }[];
}
