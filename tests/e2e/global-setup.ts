/** Runs once before the browser tests: says, in one line, when they will all be skipped. */
import { CHROMIUM_PATH, hasChromium } from "./chromium.ts";

export default function setup(): void {
  if (!hasChromium)
    console.warn(`e2e: skipped — Chromium not found at ${CHROMIUM_PATH} (apt-get install chromium)`);
}
