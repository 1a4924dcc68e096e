import { describe, expect, it } from "vitest";
import { createProgressReporter, formatDuration, formatProgress } from "../../lib/pipeline/photos/index.ts";

describe("formatProgress", () => {
  it.each([
    [0, 50, 0, "photos 0/50"],
    [12, 50, 12_600, "photos 12/50, ~40 s left"],
    [1, 50, 5_000, "photos 1/50, ~4 min 5 s left"],
    [49, 50, 100_000, "photos 49/50, ~2 s left"],
    [50, 50, 61_000, "photos 50/50, done in 1 min 1 s"],
  ])("%i of %i after %i ms reads %j", (done, total, elapsed, expected) => {
    expect(formatProgress(done, total, elapsed)).toBe(expected);
  });

  it("formats short durations", () => {
    expect(formatDuration(200)).toBe("< 1 s");
    expect(formatDuration(120_000)).toBe("2 min");
  });
});

describe("createProgressReporter", () => {
  const run = (isTTY: boolean, total: number) => {
    const written: string[] = [];
    let clock = 0;
    const report = createProgressReporter({
      stream: { isTTY, write: (text) => written.push(text) },
      now: () => clock,
    });
    for (let done = 0; done <= total; done++) {
      report(done, total);
      clock += 1000;
    }
    return written;
  };

  it("rewrites one line on a terminal", () => {
    expect(run(true, 3)).toEqual([
      "\rphotos 0/3",
      "\rphotos 1/3, ~2 s left",
      "\rphotos 2/3, ~1 s left",
      "\rphotos 3/3, done in 3 s\n",
    ]);
  });

  it("prints plain lines at each tenth elsewhere", () => {
    const lines = run(false, 50);
    expect(lines).toHaveLength(11);
    expect(lines[0]).toBe("photos 1/50, ~49 s left\n");
    expect(lines.at(-1)).toBe("photos 50/50, done in 50 s\n");
  });

  it("prints nothing when there is nothing to do", () => {
    expect(run(true, 0)).toEqual([]);
  });
});
