// Loaded with --import into a CLI child: on exit, prints the process's peak RSS for runCase's peakRssMb().
process.on("exit", () => {
  process.stderr.write(`peak-rss-mb ${Math.round(process.resourceUsage().maxRSS / 1024)}\n`);
});
