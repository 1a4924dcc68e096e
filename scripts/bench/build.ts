/**
 * Build benchmark: for each corpus size N, how long the real Dateline site takes to build
 * and how much memory it peaks at, next to a plain Eleventy blog over the same files
 * (the baseline) and a bare markdown-it loop (the floor). The ratios say what Dateline's
 * features cost over "just Eleventy" and over "just Markdown".
 *
 *   npm run bench:build                          # N = 100 and 1000
 *   npm run bench:build -- --issues 1000 --runs 5
 *   npm run bench:build -- --only baseline,floor --keep
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { writeBaseline } from "./baseline.ts";
import { CORPUS_END, generateCorpus } from "./corpus.ts";
import { besideMe, ChildFailure, type ChildSpec, type Measurement, measure } from "./measure.ts";
import { REPO, writeSite } from "./site.ts";

const CONFIGS = ["site", "baseline", "floor"] as const;
type Config = (typeof CONFIGS)[number];

const USAGE = `usage: npm run bench:build -- [--issues 100,1000] [--runs R] [--seed S] [--only site,baseline,floor] [--keep]`;

interface Options {
  sizes: number[];
  runs: number | undefined;
  seed: number;
  only: Config[];
  keep: boolean;
}

function options(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      issues: { type: "string", default: "100,1000" },
      runs: { type: "string" },
      seed: { type: "string", default: "1" },
      only: { type: "string", default: CONFIGS.join(",") },
      keep: { type: "boolean", default: false },
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
      throw new Error(`--${what}: "${text}" is not a positive integer`);
    return value;
  };
  const only = values.only.split(",").map((name) => name.trim());
  const unknown = only.filter((name) => !(CONFIGS as readonly string[]).includes(name));
  if (unknown.length > 0)
    throw new Error(`--only: unknown ${unknown.join(", ")} — use ${CONFIGS.join(", ")}`);
  return {
    sizes: values.issues.split(",").map((size) => positive(size.trim(), "issues")),
    runs: values.runs === undefined ? undefined : positive(values.runs, "runs"),
    seed: positive(values.seed, "seed"),
    only: CONFIGS.filter((config) => only.includes(config)),
    keep: values.keep,
  };
}

/** Small corpora are quick and noisy, so they get more runs; big ones are slow and steadier. */
function defaultRuns(n: number): number {
  if (n <= 100) return 5;
  if (n <= 1000) return 3;
  return 1;
}

/** Same env for all three: production, a fixed build time after the corpus's last date. */
function benchEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    ELEVENTY_RUN_MODE: "build",
    SOURCE_DATE_EPOCH: String(Math.ceil(CORPUS_END / 1000) + 86_400),
  };
  // A Netlify deploy context would switch the site to preview mode.
  delete env.CONTEXT;
  delete env.URL;
  return env;
}

function specs(root: string): Record<Config, ChildSpec> {
  const env = benchEnv();
  const eleventy = path.join(REPO, "node_modules", "@11ty", "eleventy", "cmd.cjs");
  return {
    site: {
      script: "node_modules/@11ty/eleventy/cmd.cjs",
      args: ["--config=eleventy.config.ts", "--quiet"],
      cwd: path.join(root, "site"),
      env,
    },
    baseline: {
      script: eleventy,
      args: ["--config=eleventy.config.mjs", "--quiet"],
      cwd: path.join(root, "baseline"),
      env,
    },
    floor: { script: besideMe("floor.ts"), args: [path.join(root, "baseline", "posts")], cwd: root, env },
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

interface Summary {
  ms: number;
  peakMB: number;
  files: string;
}

function summarise(runs: Measurement[]): Summary {
  const last = runs.at(-1)?.stdout ?? "";
  return {
    ms: median(runs.map((run) => run.ms)),
    peakMB: Math.max(...runs.map((run) => run.peakKiB)) / 1024,
    files: /Wrote (\d+) files?/.exec(last)?.[1] ?? "?",
  };
}

/** Two significant figures, as in `site/floor=4.1`. */
function ratio(value: number): string {
  return value >= 100 ? value.toFixed(0) : value.toPrecision(2);
}

function table(n: number, runs: number, results: Partial<Record<Config, Summary>>): string {
  const row = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(14) : cell.padStart(10))).join("");
  const lines = [`N=${n}: median wall time and max peak RSS of ${runs} run${runs === 1 ? "" : "s"} each`];
  lines.push(row(["", "wall ms", "peak MB", "files"]));
  for (const config of CONFIGS) {
    const result = results[config];
    if (result) lines.push(row([config, result.ms.toFixed(0), result.peakMB.toFixed(1), result.files]));
  }
  const { site } = results;
  const final = [`N=${n}`];
  for (const other of ["baseline", "floor"] as const) {
    const against = results[other];
    if (!site || !against) continue;
    lines.push(
      row([`site/${other}`, (site.ms / against.ms).toFixed(2), (site.peakMB / against.peakMB).toFixed(2)]),
    );
    final.push(`site/${other}=${ratio(site.ms / against.ms)}`);
  }
  return `${lines.join("\n")}\n${final.join(" ")}\n`;
}

async function bench(n: number, opts: Options): Promise<string> {
  const root = mkdtempSync(path.join(os.tmpdir(), `dateline-bench-${n}-`));
  try {
    const corpus = generateCorpus(n, opts.seed);
    if (opts.only.includes("site")) writeSite(path.join(root, "site"), corpus);
    writeBaseline(path.join(root, "baseline"), corpus);
    const runs = opts.runs ?? defaultRuns(n);
    const all = specs(root);
    const measured = Object.fromEntries(opts.only.map((config) => [config, [] as Measurement[]]));
    // Interleaved (site, baseline, floor, site, ...) so drift in the machine hits all three.
    for (let run = 1; run <= runs; run++) {
      for (const config of opts.only) {
        process.stderr.write(`N=${n} ${config} run ${run}/${runs}…\n`);
        const spec = all[config];
        rmSync(path.join(spec.cwd, "_site"), { recursive: true, force: true });
        measured[config]?.push(await measure(spec));
      }
    }
    const results: Partial<Record<Config, Summary>> = {};
    for (const config of opts.only) results[config] = summarise(measured[config] ?? []);
    return table(n, runs, results);
  } finally {
    if (opts.keep) process.stderr.write(`kept ${root}\n`);
    else rmSync(root, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const opts = options(process.argv.slice(2));
  const finals: string[] = [];
  for (const n of opts.sizes) {
    const output = await bench(n, opts);
    process.stdout.write(`${output}\n`);
    finals.push(output.trimEnd().split("\n").at(-1) ?? "");
  }
  if (opts.sizes.length > 1) process.stdout.write(`${finals.join("\n")}\n`);
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(
    `bench:build failed${error instanceof ChildFailure ? " (child process)" : ""}: ${message}\n`,
  );
  process.exit(1);
});
