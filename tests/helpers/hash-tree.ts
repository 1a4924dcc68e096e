/** sha256 of every file under a folder, by relative path: "byte-for-byte the same" as data. */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export function hashTree(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const file = path.join(entry.parentPath, entry.name);
        return [
          path.relative(dir, file),
          createHash("sha256").update(readFileSync(file)).digest("hex"),
        ] as const;
      })
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}
