/**
 * Build benchmark: what the writer waits for. For each corpus size it times the full
 * `npm run build` (a child process, end to end: photos, content, render, search index,
 * checks, swap) of a scratch copy of this repository in three situations:
 *
 * - cold: no published site and no caches (node_modules/.cache/dateline-* deleted);
 * - one new issue, added after a build (warm caches), as on a publishing day;
 * - a one-word edit to an old issue, after a build;
 * - then the dev server (`npm start`): from saving an old issue to the page served with the
 *   change (dev-server.ts).
 *
 * In the same run it times a plain Eleventy blog (cold) and Hugo (cold) over the same
 * Markdown, and prints the medians, the ratios, the peak RSS of the largest process of each
 * build, Dateline's phase breakdown, the largest HTML page and the targets of issue 19.
 *
 *   npm run bench:build                                 # 1,000 and 4,000 issues
 *   npm run bench:build -- --issues 100 --runs 1        # a quick check
 *   npm run bench:build -- --issues 1000 --runs 5 --keep --verbose
 *   npm run bench:build -- --ref HEAD                   # a commit, not the working tree
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { CORPUS_END, editOneWord, generateCorpus, laterIssues } from "./corpus.ts";
import { saveToServedPage } from "./dev-server.ts";
import { HUGO, HUGO_MISSING, hugoVersion, writeHugo } from "./hugo.ts";
import {
  type Command,
  CommandFailure,
  commandLine,
  type Measurement,
  measure,
  peakMethod,
} from "./measure.ts";
import {
  issuePage,
  largestPage,
  makeCold,
  REPO,
  writeBaselineProject,
  writeDateline,
  writeIssue,
} from "./project.ts";
import {
  megabytes,
  report,
  type Situation,
  type SizeResult,
  type Summary,
  seconds,
  targets,
} from "./report.ts";

const USAGE = "usage: npm run bench:build -- [--issues 1000,4000] [--runs N] [--seed S] [--keep] [--verbose]";

interface Options {
  sizes: number[];
  runs: number | undefined;
  seed: number;
  /** Build this commit instead of the working tree. */
  ref: string | undefined;
  keep: boolean;
  verbose: boolean;
}

function options(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      issues: { type: "string", default: "1000,4000" },
      runs: { type: "string" },
      seed: { type: "string", default: "1" },
      ref: { type: "string" },
      keep: { type: "boolean", default: false },
      verbose: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const positive = (text: string, what: string) => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < 1)
      throw new Error(`--${what}: "${text}" is not a positive integer — ${USAGE}`);
    return value;
  };
  return {
    sizes: values.issues.split(",").map((size) => positive(size.trim(), "issues")),
    runs: values.runs === undefined ? undefined : positive(values.runs, "runs"),
    seed: positive(values.seed, "seed"),
    ref: values.ref,
    keep: values.keep,
    verbose: values.verbose,
  };
}

/** Small corpora get three runs of each; 4,000 issues take minutes a build, so one. */
function defaultRuns(n: number): number {
  return n <= 1000 ? 3 : 1;
}

/** Production, and a fixed build time after the corpus's last date, for every build. */
function benchEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    SOURCE_DATE_EPOCH: String(Math.ceil(CORPUS_END / 1000) + 86_400),
    // The build's own peak RSS at each phase's end, printed under the table.
    DATELINE_MEMORY_LOG: "1",
  };
  // A Netlify deploy context would switch the site to preview mode; our own switches would
  // move the caches out of the scratch project or add drafts.
  for (const name of ["CONTEXT", "URL", "DATELINE_DRAFTS", "DATELINE_PHOTO_CACHE", "ELEVENTY_RUN_MODE"])
    delete env[name];
  return env;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: colour codes start with ESC.
const ANSI_ESCAPE = /\u001b\[[0-9;]*m/g;

/**
 * The build's line of phase times, e.g. `photos 0.1 s · content 0.3 s · render 2.1 s`: the
 * last line made only of `<phase> <seconds> s` parts joined by ` · `.
 */
function phaseLine(output: string): string | undefined {
  const part = /(^|\s)[a-z][\w-]* \d+(?:\.\d+)? s$/;
  return output
    .replace(ANSI_ESCAPE, "")
    .split(/\r?\n|\r/)
    .map((line) => line.trim())
    .filter((line) => line.includes(" · ") && line.split(" · ").every((piece) => part.test(piece)))
    .at(-1);
}

function summarise(runs: Measurement[]): Summary {
  const ms = median(runs.map((run) => run.ms));
  const closest = [...runs].sort((a, b) => Math.abs(a.ms - ms) - Math.abs(b.ms - ms))[0];
  const output = closest?.output ?? "";
  return {
    ms,
    peakKiB: Math.max(...runs.map((run) => run.peakKiB)),
    phases: phaseLine(output),
    built: output
      .split("\n")
      .filter((line) => line.startsWith("Built "))
      .at(-1),
    peaks: output
      .split("\n")
      .filter((line) => line.startsWith("peak RSS: "))
      .at(-1),
    runs: runs.length,
  };
}

function progress(line: string): void {
  process.stderr.write(`${line}\n`);
}

async function timed(
  label: string,
  command: Command,
  opts: Options,
  before?: () => void,
): Promise<Measurement> {
  before?.();
  progress(`  ${label}…`);
  const echo = opts.verbose ? (chunk: string) => process.stderr.write(chunk) : undefined;
  const result = await measure(command, echo);
  progress(`  ${label}: ${seconds(result.ms)}, peak ${megabytes(result.peakKiB)}`);
  return result;
}

async function bench(n: number, opts: Options, hugo: boolean): Promise<SizeResult> {
  const root = mkdtempSync(path.join(os.tmpdir(), `dateline-bench-${n}-`));
  const runs = opts.runs ?? defaultRuns(n);
  try {
    progress(`N=${n}: writing the corpus and three projects in ${root}`);
    const corpus = generateCorpus(n, opts.seed);
    const dateline = path.join(root, "dateline");
    const baseline = path.join(root, "baseline");
    const hugoDir = path.join(root, "hugo");
    writeDateline(dateline, corpus, opts.ref);
    writeBaselineProject(baseline, corpus);
    if (hugo) writeHugo(hugoDir, corpus);

    const env = benchEnv();
    const npmBuild = (cwd: string): Command => ({ program: "npm", args: ["run", "build"], cwd, env });
    const hugoCommand: Command = {
      program: HUGO,
      args: ["--quiet", "--destination", "_site", "--cacheDir", path.join(hugoDir, ".hugo-cache")],
      cwd: hugoDir,
      env,
    };
    const measured: Record<Situation | "dev server" | "eleventy" | "hugo", Measurement[]> = {
      cold: [],
      "new issue": [],
      "one-word edit": [],
      "dev server": [],
      eleventy: [],
      hugo: [],
    };

    // Cold builds, interleaved so drift in the machine hits all three alike.
    for (let run = 1; run <= runs; run++) {
      const of = `run ${run}/${runs}`;
      measured.cold.push(
        await timed(`N=${n} npm run build, cold, ${of}`, npmBuild(dateline), opts, () => makeCold(dateline)),
      );
      measured.eleventy.push(
        await timed(`N=${n} plain Eleventy, cold, ${of}`, npmBuild(baseline), opts, () => makeCold(baseline)),
      );
      if (hugo) {
        measured.hugo.push(
          await timed(`N=${n} Hugo, cold, ${of}`, hugoCommand, opts, () => {
            for (const name of ["_site", "resources", ".hugo-cache", ".hugo_build.lock"])
              rmSync(path.join(hugoDir, name), { recursive: true, force: true });
          }),
        );
      }
    }

    // Publishing days: each run adds one more issue to a site built (and cached) just before.
    for (const [index, issue] of laterIssues(n, runs, opts.seed).entries()) {
      measured["new issue"].push(
        await timed(
          `N=${n} npm run build, one new issue, run ${index + 1}/${runs}`,
          npmBuild(dateline),
          opts,
          () => writeIssue(dateline, issue),
        ),
      );
      const slug = path.basename(issue.path, ".md");
      if (!issuePage(path.join(dateline, "_site"), slug))
        throw new Error(`the new issue ${issue.path} has no page in ${dateline}/_site — the build missed it`);
    }

    // Corrections: each run changes one word of a different old issue.
    for (let run = 0; run < runs; run++) {
      const old = corpus[Math.floor(n / 4) + run] ?? corpus[run];
      if (!old) throw new Error(`no issue to edit in a corpus of ${n}`);
      const file = path.join(dateline, old.path);
      const edit = editOneWord(readFileSync(file, "utf8"), run);
      measured["one-word edit"].push(
        await timed(
          `N=${n} npm run build, one-word edit, run ${run + 1}/${runs}`,
          npmBuild(dateline),
          opts,
          () => writeIssue(dateline, { path: old.path, text: edit.text }),
        ),
      );
      const page = issuePage(path.join(dateline, "_site"), path.basename(old.path, ".md"));
      if (!page || !readFileSync(page, "utf8").includes(edit.word))
        throw new Error(`the edit to ${old.path} ("${edit.word}") is not in its page — the build missed it`);
    }

    // The dev server: each save adds a word to the body of another old issue.
    progress(`  N=${n} dev server: first build, then ${runs} saves…`);
    const edits = Array.from({ length: runs }, (_, run) => {
      const old = corpus[Math.floor(n / 2) + run] ?? corpus[run];
      if (!old) throw new Error(`no issue to edit in a corpus of ${n}`);
      const word = `Savedword${run}`;
      const text = readFileSync(path.join(dateline, old.path), "utf8").replace("\n---\n", `\n---\n${word} `);
      return { path: old.path, text, word };
    });
    for (const ms of await saveToServedPage(dateline, edits, env)) {
      progress(`  N=${n} dev server, save to served page: ${seconds(ms)}`);
      measured["dev server"].push({ ms, peakKiB: 0, output: "" });
    }

    const results: SizeResult["results"] = {};
    for (const [key, list] of Object.entries(measured) as [keyof typeof measured, Measurement[]][]) {
      if (list.length > 0) results[key] = summarise(list);
    }
    return { n, results, largest: largestPage(path.join(dateline, "_site")) };
  } finally {
    if (opts.keep) progress(`kept ${root}`);
    else rmSync(root, { recursive: true, force: true });
  }
}

function header(hugo: string | undefined, ref: string | undefined): string {
  const git = (...args: string[]) => execFileSync("git", args, { cwd: REPO, encoding: "utf8" }).trim();
  const commit = git("rev-parse", "--short", ref ?? "HEAD");
  const dirty = ref === undefined && git("status", "--porcelain") !== "";
  const eleventy = JSON.parse(
    readFileSync(path.join(REPO, "node_modules/@11ty/eleventy/package.json"), "utf8"),
  );
  return [
    `bench:build — commit ${commit}${dirty ? " + uncommitted changes" : ""}, ${os.availableParallelism()} cores, Node ${process.version}, Eleventy ${eleventy.version}, Hugo ${hugo ?? "not installed"}`,
    `timed: \`npm run build\` (Dateline and the plain Eleventy blog), \`${commandLine({ program: HUGO, args: ["--quiet", "--destination", "_site"], cwd: "", env: {} })}\`; wall time spawn to exit; peak RSS by ${peakMethod()}`,
    "",
  ].join("\n");
}

async function main(): Promise<void> {
  const opts = options(process.argv.slice(2));
  const hugo = hugoVersion();
  if (!hugo) console.log(`${HUGO_MISSING}; skipping the Hugo build\n`);
  process.stdout.write(header(hugo, opts.ref));
  const sizes: SizeResult[] = [];
  for (const n of opts.sizes) {
    const result = await bench(n, opts, hugo !== undefined);
    sizes.push(result);
    process.stdout.write(`\n${report(result)}`);
  }
  process.stdout.write(`\n${targets(sizes)}`);
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(
    `bench:build failed${error instanceof CommandFailure ? " (a build failed)" : ""}: ${message}\n`,
  );
  process.exit(1);
});
