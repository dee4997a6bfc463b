/** Imported by a case: on exit, prints the process's peak RSS on stderr for runCase's peakRssMb(). */
process.on("exit", () => {
  // maxRSS is in kilobytes.
  process.stderr.write(`peak-rss-mb ${Math.round(process.resourceUsage().maxRSS / 1024)}\n`);
});
