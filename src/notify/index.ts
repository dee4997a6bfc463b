/** Notifications of what changed since the previous run: e-mail (nodemailer), JSON webhook, `.eml` dry run. */
export { type ContactIssue, type Contacts, isEmail, loadContacts } from "./contacts.ts";
export { composeMessage, NOTIFICATION_SCHEMA, type NotificationPayload } from "./message.ts";
export {
  DEFAULT_FROM,
  type DeliveryRecord,
  type NotifyOptions,
  type NotifyResult,
  notifyRun,
} from "./notify-run.ts";
export { type RegionChanges, regionChanges } from "./region-changes.ts";
export { loadRunWithPrevious, loadStoredRun, type StoredRunOptions } from "./stored-runs.ts";
