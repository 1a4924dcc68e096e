/** How a writer's problems are printed: one `file: field: message` line each, all of them in one error. */
import { describe, expect, it } from "vitest";
import { BuildError, ContentError, formatProblem, type Problem } from "../../lib/shared/problems.ts";

const TITLE: Problem = { file: "src/issues/2025/alpha.md", field: "title", message: "is missing" };
const WHOLE_FILE: Problem = { file: "src/issues/2025/bravo.md", field: "", message: "has no front matter" };

describe("formatProblem", () => {
  it.each<[Problem, string]>([
    [TITLE, "src/issues/2025/alpha.md: title: is missing"],
    [WHOLE_FILE, "src/issues/2025/bravo.md: has no front matter"],
    [
      { file: "src/issues/2025/alpha.md", field: "photo.alt", message: "is empty" },
      "src/issues/2025/alpha.md: photo.alt: is empty",
    ],
  ])("prints %j as %s", (problem, line) => {
    expect(formatProblem(problem)).toBe(line);
  });
});

describe("ContentError", () => {
  it.each<[Problem[], string]>([
    [[TITLE], "1 problem in the content:\nsrc/issues/2025/alpha.md: title: is missing"],
    [
      [TITLE, WHOLE_FILE],
      "2 problems in the content:\nsrc/issues/2025/alpha.md: title: is missing\nsrc/issues/2025/bravo.md: has no front matter",
    ],
  ])("lists every problem in its message", (problems, message) => {
    const error = new ContentError(problems);
    expect(error.message).toBe(message);
    expect(error.name).toBe("ContentError");
    expect(error.problems).toBe(problems);
  });
});

describe("BuildError", () => {
  it("is an Error named BuildError, its message as given", () => {
    const error = new BuildError("DATELINE_PHOTO_CACHE: /x is not a folder");
    expect(error).toBeInstanceOf(Error);
    expect([error.name, error.message]).toEqual(["BuildError", "DATELINE_PHOTO_CACHE: /x is not a folder"]);
  });
});
