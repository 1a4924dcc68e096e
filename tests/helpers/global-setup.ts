/** Runs once before the test files: warms the shared photo cache (see photo-cache.ts). */
import { warmPhotoCache } from "./photo-cache.ts";

export default async function setup(): Promise<void> {
  await warmPhotoCache();
}
