/**
 * Preloaded into each measured child (`--import`): on exit, writes the process's peak
 * resident set size (KiB, from getrusage) to $BENCH_PEAK_FILE, so the parent learns that
 * build's peak alone, whichever way the child exits.
 */
import { writeFileSync } from "node:fs";

const file = process.env.BENCH_PEAK_FILE;
if (file) process.on("exit", () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
