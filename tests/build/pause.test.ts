/** The test-only pause hook: says where it stopped, waits for stdin, and rejects unknown steps. */
import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pauseAt, pauseStepFrom } from "../../lib/build/pause.ts";
import { besideSite, startBuild } from "./run-build.ts";

const root = path.resolve(import.meta.dirname, "../..");

describe("pauseAt", () => {
  it("does nothing at a step that was not chosen", async () => {
    const lines: string[] = [];
    await pauseAt("staged", "mid-swap", new PassThrough(), (line) => lines.push(line));
    await pauseAt("staged", undefined, new PassThrough(), (line) => lines.push(line));
    expect(lines).toEqual([]);
  });

  it("prints the marker at the chosen step and waits for a line on stdin", async () => {
    const input = new PassThrough();
    const lines: string[] = [];
    let resumed = false;
    const paused = pauseAt("mid-swap", "mid-swap", input, (line) => lines.push(line)).then(() => {
      resumed = true;
    });
    expect(lines).toEqual(["paused at mid-swap"]);
    await Promise.resolve();
    expect(resumed).toBe(false);
    input.write("\n");
    await paused;
    expect(resumed).toBe(true);
  });

  it("goes on when stdin ends (the test that held it is gone)", async () => {
    const input = new PassThrough();
    const paused = pauseAt("staged", "staged", input, () => {});
    input.end();
    await paused;
  });
});

describe("DATELINE_BUILD_PAUSE_AT", () => {
  it("accepts the named steps and rejects others with one line", () => {
    expect(pauseStepFrom({})).toBeUndefined();
    expect(pauseStepFrom({ DATELINE_BUILD_PAUSE_AT: "before-swap" })).toBe("before-swap");
    expect(() => pauseStepFrom({ DATELINE_BUILD_PAUSE_AT: "midswap" })).toThrow(
      'DATELINE_BUILD_PAUSE_AT: "midswap" is not a step — use one of started, staged, before-swap, mid-swap (a test-only hook)',
    );
  });

  describe("in a real build", () => {
    // The step is read before anything else, so a project of the build script alone will do.
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(path.join(tmpdir(), "dateline-pause-"));
      for (const entry of ["scripts", "lib", "node_modules", "package.json", "tsconfig.json"])
        symlinkSync(path.join(root, entry), path.join(dir, entry));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it("an unknown step stops the build before it touches anything", async () => {
      const result = await startBuild(dir, { env: { DATELINE_BUILD_PAUSE_AT: "nowhere" } }).finished();
      expect(result.status).toBe(1);
      expect(result.stderr).toBe(
        'Build failed: DATELINE_BUILD_PAUSE_AT: "nowhere" is not a step — use one of started, staged, before-swap, mid-swap (a test-only hook)\n',
      );
      expect(besideSite(dir)).toEqual([]);
    }, 120_000);
  });
});
