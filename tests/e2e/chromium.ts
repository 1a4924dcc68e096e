/** Where the browser tests find Chromium: CHROMIUM_PATH, or Debian's /usr/bin/chromium. */
import { existsSync } from "node:fs";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const hasChromium = existsSync(CHROMIUM_PATH);
