/**
 * Preloaded (`node -r`) into a benchmarked run: at exit, writes the process's peak resident
 * set size in KiB to the file BENCH_PEAK_FILE names.
 */
'use strict';
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  if (process.env.BENCH_PEAK_FILE) writeFileSync(process.env.BENCH_PEAK_FILE, String(process.resourceUsage().maxRSS));
});
