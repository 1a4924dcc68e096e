import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type CheckContext, checkIssue } from "../../lib/pipeline/content/check-issue.ts";
import { emptyManifest } from "../../lib/pipeline/photos/manifest.ts";
import { formatProblem } from "../../lib/shared/problems.ts";
import { runScript } from "./run-script.ts";

/** 2025-04-10T13:00:00Z: 16:00 in Istanbul. */
const EPOCH = "1744290000";
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "dateline-new-issue-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const newIssue = (...args: string[]) => runScript("new-issue.ts", args, dir, { SOURCE_DATE_EPOCH: EPOCH });

describe("npm run new-issue", () => {
  it("prints its usage for --help, without a stack trace", () => {
    const result = newIssue("--help");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      'Usage: npm run new-issue -- "Headline" --author <id> --topic <id> [options]',
    );
    expect(result.stdout).toContain("--dateline <text>");
    expect(result.stderr).toBe("");
  });

  it("refuses an unknown option with one line and the usage, not a stack trace", () => {
    const result = newIssue("Talks", "--autor", "ayse-demir");
    expect(result.status).toBe(1);
    expect(result.stderr.split("\n")[0]).toBe(
      "new-issue: Unknown option '--autor'. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- \"--autor\"",
    );
    expect(result.stderr).toContain("Usage: npm run new-issue");
    expect(result.stderr).not.toContain("    at ");
  });

  it("keeps every word of the headline in the slug, writes the default type and invents no dateline or kicker", () => {
    const result = newIssue(
      "Who led the US and Russian delegations at the Istanbul embassy talks",
      "--author",
      "ayse-demir",
      "--topic",
      "russia",
    );
    expect(result.status).toBe(0);
    const file = "src/issues/2025/who-led-the-us-and-russian-delegations-at-the-istanbul-embassy-talks.md";
    expect(result.stdout.split("\n")[0]).toBe(`Created ${file} (a draft).`);
    expect(result.stdout).toContain("Body: 0 words so far");
    expect(readFileSync(path.join(dir, file), "utf8")).toBe(
      [
        "---",
        'title: "Who led the US and Russian delegations at the Istanbul embassy talks"',
        'dek: "One or two sentences that say what this issue is about."',
        "date: 2025-04-10T16:00:00+03:00",
        "# dateline: ISTANBUL   # optional: where the reporting was done",
        "type: news",
        "# kicker: Diplomacy   # optional: a section label",
        "number: 1",
        "# thread: istanbul-embassy-talks   # optional: the story it continues (istanbul-embassy-talks)",
        "authors: [ayse-demir]",
        "topics: [russia]",
        "draft: true",
        "---",
        "",
        "Write the issue here…",
        "",
      ].join("\n"),
    );
  });

  it("numbers the new issue one past the highest number written, drafts included, gaps left alone", () => {
    const write = (file: string, number: number | string) => {
      mkdirSync(path.join(dir, path.dirname(file)), { recursive: true });
      writeFileSync(path.join(dir, file), `---\ntitle: x\nnumber: ${number}\ndraft: true\n---\nBody.\n`);
    };
    write("src/issues/2025/first.md", 1);
    write("src/issues/2025/fifth.md", 5);
    write("src/issues/2024/typo.md", '"7"');
    const result = newIssue("Talks resume", "--author", "ayse-demir", "--topic", "russia");
    expect(result.status).toBe(0);
    const text = readFileSync(path.join(dir, "src/issues/2025/talks-resume.md"), "utf8");
    expect(text.split("\n").filter((line) => line.startsWith("number:"))).toEqual(["number: 6"]);
  });

  it("fills a type, dateline and kicker when given", () => {
    newIssue(
      "Talks resume",
      "--author",
      "ayse-demir",
      "--topic",
      "russia",
      "--dateline",
      "ISTANBUL",
      "--type",
      "analysis",
      "--kicker",
      "Diplomacy",
    );
    const text = readFileSync(path.join(dir, "src/issues/2025/talks-resume.md"), "utf8");
    expect(text).toContain('\ndateline: "ISTANBUL"\ntype: analysis\nkicker: "Diplomacy"\n');
  });

  it("refuses an unknown --type with a did-you-mean and the list, and writes nothing", () => {
    const result = newIssue("Talks resume", "--author", "ayse-demir", "--topic", "russia", "--type", "oped");
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      'new-issue: --type "oped" is not a type of work — use one of: news, analysis, opinion, explainer, review, briefing',
    );
    expect(existsSync(path.join(dir, "src/issues/2025/talks-resume.md"))).toBe(false);
  });

  it("writes a draft the checks accept, and whose scaffold text would stop it being published", () => {
    newIssue("Talks resume", "--author", "ayse-demir", "--topic", "russia");
    const file = "src/issues/2025/talks-resume.md";
    const text = readFileSync(path.join(dir, file), "utf8");
    const context: CheckContext = {
      site: { timeZone: "Europe/Istanbul" },
      authors: { "ayse-demir": { name: "Ayşe Demir", bio: "Sample author." } },
      topics: { russia: { name: "Russia", kind: "country", description: "Russia." } },
      photosDir: dir,
      photos: emptyManifest(),
    };
    const draft = checkIssue(file, text, context);
    expect(draft.problems).toEqual([]);
    const published = checkIssue(file, text.replace("draft: true\n", ""), context);
    expect(published.problems.map(formatProblem)).toEqual([
      `${file}: dek: is still the scaffold's example — write one or two sentences that say what this issue is about`,
      `${file}: body: line 14: is still the scaffold's "Write the issue here…" — replace it with the issue`,
    ]);
  });

  it("never overwrites a file", () => {
    newIssue("Talks resume", "--author", "ayse-demir", "--topic", "russia");
    const again = newIssue("Talks resume", "--author", "ayse-demir", "--topic", "russia");
    expect(again.status).toBe(1);
    expect(again.stderr.trim()).toBe(
      "new-issue: src/issues/2025/talks-resume.md already exists — choose another headline or --slug, or edit that file",
    );
  });
});
