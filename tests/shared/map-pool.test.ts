import { describe, expect, it } from "vitest";
import { mapPool } from "../../lib/shared/map-pool.ts";

describe("mapPool", () => {
  it("keeps the input order whatever order the calls finish in", async () => {
    const delays = [30, 5, 20, 0, 10];
    const results = await mapPool(delays, 3, async (delay) => {
      await new Promise((resolve) => setTimeout(resolve, delay));
      return delay * 2;
    });
    expect(results).toEqual([60, 10, 40, 0, 20]);
  });

  it.each([
    [1, 1],
    [2, 2],
    [64, 5],
  ])("with a limit of %i has at most %i calls in flight", async (limit, expected) => {
    let inFlight = 0;
    let most = 0;
    await mapPool([1, 2, 3, 4, 5], limit, async () => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 2));
      inFlight--;
    });
    expect(most).toBe(expected);
  });

  it("maps an empty list to an empty list", async () => {
    expect(await mapPool([], 4, async (item: number) => item)).toEqual([]);
  });

  it("rejects with the first error", async () => {
    await expect(
      mapPool([1, 2], 2, async (item) => {
        if (item === 2) throw new Error("two failed");
        return item;
      }),
    ).rejects.toThrow("two failed");
  });
});
