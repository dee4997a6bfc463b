/** A region's (or a staff member's) dispute of one finding, settled only by a re-check. */
import type { Sphere, Status } from "../types/common.ts";
import type { Evidence } from "../types/result.ts";

export const DISPUTES_SCHEMA = "nok-monitor/disputes@1" as const;

/** «открыт» until a re-check passes the rule; then «подтверждено». Nobody sets a status by hand. */
export type DisputeStatus = "open" | "confirmed";

export const DISPUTE_STATUS_NAMES: Readonly<Record<DisputeStatus, string>> = {
  open: "открыт",
  confirmed: "подтверждено",
};

/** What one re-check found for the disputed rule. */
export interface DisputeRecheck {
  /** The `check` run that re-crawled the site (its snapshots and result are stored like any run's). */
  runId: string;
  status: Status;
  message: string;
  evidence: Evidence[];
  /** Whether the page the dispute pointed to was fetched (a page outside the site is not). */
  seedFetched: boolean;
}

export interface DisputeEvent {
  at: string;
  by: string;
  action: "opened" | "rechecked" | "recheck-failed";
  /** The status after the event. */
  status: DisputeStatus;
  note: string;
  recheck?: DisputeRecheck;
}

export interface Dispute {
  id: string;
  runId: string;
  /** The site as the run names it (its start URL). */
  site: string;
  siteName: string | null;
  region: string | null;
  sphere: Sphere | null;
  rule: string;
  /** The run's verdict that is disputed (never changed). */
  verdict: Status;
  evidenceUrl: string;
  comment: string;
  by: string;
  createdAt: string;
  status: DisputeStatus;
  /** The reason it is still open, or what confirmed it. */
  reason: string;
  history: DisputeEvent[];
}

export interface DisputesData {
  schema: typeof DISPUTES_SCHEMA;
  disputes: Dispute[];
}
