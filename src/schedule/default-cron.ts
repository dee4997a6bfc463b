/** Default schedule of the monthly run: 03:00 on the 1st of every month. */
export const DEFAULT_CRON = "0 3 1 * *";
