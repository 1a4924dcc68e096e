import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildFolders, liveFolderOf } from "../../lib/build/swap.ts";

describe("buildFolders and liveFolderOf", () => {
  it("names a build's staging and parked folders beside the site, by pid", () => {
    expect(buildFolders("/work/site/_site", 42)).toEqual({
      staging: "/work/site/_site.staging-42",
      previous: "/work/site/_site.previous-42",
    });
  });

  it.each([
    ["/work/site/_site.staging-42", "/work/site/_site"],
    ["/w/public.staging-7", "/w/public"],
    ["/w/_site", undefined],
    ["/w/_site.previous-42", undefined],
    ["/w/_site.staging-", undefined],
    ["/w/_site.staging-42/photos", undefined],
  ])("the live folder of %s is %s", (folder, live) => {
    expect(liveFolderOf(folder)).toBe(live);
  });

  it("finds the live folder of every staging folder it names", () => {
    const output = path.resolve("some/site");
    expect(liveFolderOf(buildFolders(output, 123).staging)).toBe(output);
  });
});
