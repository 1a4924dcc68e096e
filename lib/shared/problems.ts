/** The one shape of a mistake a writer has to fix, and how it is printed: `file: field: message`. */

/** One problem a writer has to fix: `file: field: message`. */
export interface Problem {
  file: string;
  field: string;
  message: string;
}

/** `file: field: message`, or `file: message` for a problem with the file as a whole. */
export function formatProblem(problem: Problem): string {
  return problem.field
    ? `${problem.file}: ${problem.field}: ${problem.message}`
    : `${problem.file}: ${problem.message}`;
}

/** Thrown by the build when content has problems; its message lists all of them. */
export class ContentError extends Error {
  constructor(readonly problems: Problem[]) {
    super(
      `${problems.length} problem${problems.length === 1 ? "" : "s"} in the content:\n${problems.map(formatProblem).join("\n")}`,
    );
    this.name = "ContentError";
  }
}

/** An error whose message says all there is to say: the build prints it as one line, without a stack. */
export class BuildError extends Error {
  override name = "BuildError";
}
