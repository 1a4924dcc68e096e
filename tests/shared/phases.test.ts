/** The phase breakdown every build ends with, and the progress lines while it runs. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildPhases,
  createPhaseRecorder,
  formatPeaks,
  formatPhases,
  recordPhase,
} from "../../lib/shared/phases.ts";
import type { FixtureSite } from "../helpers/fixture-site.ts";
import { sharedSite } from "../helpers/shared-fixtures.ts";

describe("formatPhases", () => {
  it("is one line of tenths of a second, in the order phases were recorded", () => {
    expect(
      formatPhases([
        ["photos", 120],
        ["content", 260],
        ["render", 2_140],
        ["search", 810],
        ["checks", 449],
        ["swap", 3],
      ]),
    ).toBe("photos 0.1 s · content 0.3 s · render 2.1 s · search 0.8 s · checks 0.4 s · swap 0.0 s");
  });
});

describe("formatPeaks", () => {
  it("is one line of whole megabytes, in the order phases were recorded", () => {
    expect(
      formatPeaks([
        ["photos", 190_400_000],
        ["render", 640_600_000],
        ["checks", 911_000_000],
      ]),
    ).toBe("peak RSS: photos 190 MB · render 641 MB · checks 911 MB");
  });
});

describe("a phase recorder", () => {
  /** A clock the test moves by hand. */
  function recorder(): {
    lines: string[];
    clock: { now: number };
    phases: ReturnType<typeof createPhaseRecorder>;
  } {
    const lines: string[] = [];
    const clock = { now: 0 };
    return {
      lines,
      clock,
      phases: createPhaseRecorder(
        (line) => lines.push(line),
        () => clock.now,
      ),
    };
  }

  it("announces a phase as it starts and records how long it took", async () => {
    const { lines, clock, phases } = recorder();
    const result = await phases.time("search", async () => {
      expect(lines).toEqual(["search…"]);
      clock.now += 800;
      return 4;
    });
    expect(result).toBe(4);
    expect(phases.entries()).toEqual([["search", 800]]);
  });

  it("records a phase that throws, and adds up a name recorded twice", async () => {
    const { clock, phases } = recorder();
    await expect(
      phases.time("checks", () => {
        clock.now += 300;
        throw new Error("broken page");
      }),
    ).rejects.toThrow("broken page");
    phases.record("photos", 100);
    phases.record("photos", 50);
    phases.record("render", -20);
    expect(phases.entries()).toEqual([
      ["checks", 300],
      ["photos", 150],
      ["render", 0],
    ]);
    expect(phases.get("photos")).toBe(150);
    expect(phases.get("content")).toBe(0);
  });

  it("samples the peak memory as each phase ends, in the phases' order", async () => {
    const samples = [200, 650, 900];
    const phases = createPhaseRecorder(
      () => {},
      () => 0,
      () => samples.shift() ?? 0,
    );
    phases.record("photos", 10);
    await phases.time("render", () => undefined);
    phases.record("photos", 5);
    expect(phases.peaks()).toEqual([
      ["photos", 900],
      ["render", 650],
    ]);
    phases.clear();
    expect(phases.peaks()).toEqual([]);
  });

  it("is one per process: what a plugin records, the build reads", () => {
    buildPhases.clear();
    recordPhase("photos", 120);
    expect(buildPhases.get("photos")).toBe(120);
    buildPhases.clear();
  });
});

describe("a build", () => {
  let site: FixtureSite;
  beforeAll(() => {
    site = sharedSite("standard");
  });
  afterAll(() => site.remove());

  it("ends with the summary line, then one line of phase times", () => {
    expect(site.status).toBe(0);
    const lines = site.stdout.trimEnd().split("\n");
    expect(lines.at(-2)).toMatch(
      /^Built _site\/ in \d+\.\d s: rendered \d+ of \d+ outputs, \d+ from the output store; 4 issues indexed for search; /,
    );
    // photos and content are recorded by the content plugin, inside Eleventy's write.
    expect(lines.at(-1)).toMatch(
      /^photos \d+\.\d s · content \d+\.\d s · views \d+\.\d s · render \d+\.\d s · search \d+\.\d s · checks \d+\.\d s · swap \d+\.\d s$/,
    );
  });

  it("says which phase starts while it runs, in order", () => {
    const progress = site.stderr.split("\n").filter((line) => line.endsWith("…"));
    expect(progress.filter((line) => ["render…", "search…", "checks…", "swap…"].includes(line))).toEqual([
      "render…",
      "search…",
      "checks…",
      "swap…",
    ]);
  });
});
