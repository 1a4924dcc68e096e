import { describe, expect, it } from "vitest";
import { absoluteUrl } from "../../../lib/outputs/filters/absolute-url.ts";

describe("absoluteUrl", () => {
  it.each([
    [
      "/2025/04/istanbul-talks/",
      "https://dateline.example",
      "https://dateline.example/2025/04/istanbul-talks/",
    ],
    [
      "/2025/04/istanbul-talks/",
      "https://dateline.example/",
      "https://dateline.example/2025/04/istanbul-talks/",
    ],
    ["/feed.xml", "https://dateline.example//", "https://dateline.example/feed.xml"],
    ["/", "https://dateline.example", "https://dateline.example/"],
    ["topics/russia/", "https://dateline.example", "https://dateline.example/topics/russia/"],
    ["/search/?q=a b#top", "https://dateline.example", "https://dateline.example/search/?q=a%20b#top"],
    ["/topics/türkiye/", "https://dateline.example", "https://dateline.example/topics/t%C3%BCrkiye/"],
    ["https://other.example/x", "https://dateline.example", "https://other.example/x"],
  ])("joins %s to %s as %s", (path, origin, expected) => {
    expect(absoluteUrl(path, origin)).toBe(expected);
  });
});
