/**
 * `npm run build`: renders the site into a fresh folder and swaps it into _site only
 * when everything succeeded, so a failed build never leaves a half-written site.
 * Content problems are printed all at once, as `file: field: what — how to fix`; then the
 * site checks (lib/checks) run over the staged site before it is published.
 */
import { existsSync, readdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { checkSite, formatReport } from "../lib/checks/index.ts";
import { ContentError } from "../lib/content.ts";
import { indexSite } from "./search-index.ts";

const output = path.resolve(process.argv[2] ?? "_site");
const staging = `${output}.staging-${process.pid}`;
const previous = `${output}.previous-${process.pid}`;

/** Eleventy wraps errors thrown by plugins; find ours in the chain. */
function findContentError(error: unknown): ContentError | undefined {
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 10; depth++) {
    if (current instanceof ContentError || current.name === "ContentError") return current as ContentError;
    const wrapped = current as Error & { originalError?: unknown };
    current = wrapped.originalError ?? wrapped.cause;
  }
  return undefined;
}

/** Folders left by an interrupted build (killed before it could clean up). */
function removeLeftovers(): void {
  const parent = path.dirname(output);
  const prefix = `${path.basename(output)}.`;
  for (const name of readdirSync(parent)) {
    if (name.startsWith(prefix) && /\.(staging|previous)-\d+$/.test(name)) {
      rmSync(path.join(parent, name), { recursive: true, force: true });
    }
  }
}

/** Discards the staging folder and says why; the published site is untouched. */
function fail(reason: string): number {
  rmSync(staging, { recursive: true, force: true });
  console.error(`\nBuild failed: ${reason}\n`);
  console.error(`${path.relative(process.cwd(), output)}/ was left as it was.`);
  return 1;
}

async function build(): Promise<number> {
  const started = performance.now();
  removeLeftovers();
  let search: { pages: number };
  let report: Awaited<ReturnType<typeof checkSite>>;
  try {
    const eleventy = new Eleventy("src", staging, { configPath: "eleventy.config.ts", quietMode: true });
    // Our own summary and error report replace Eleventy's log (and its stack traces).
    eleventy.disableLogger();
    await eleventy.write();
    // The search index covers exactly what is about to be published.
    search = await indexSite(staging);
    // The site checks run on the staged site; one failure and the published site stays.
    report = await checkSite(staging);
  } catch (error) {
    const contentError = findContentError(error);
    return fail(
      contentError
        ? contentError.message
        : error instanceof Error
          ? (error.stack ?? error.message)
          : String(error),
    );
  }
  if (report.problems.length > 0) {
    return fail(`the site checks found problems:\n${formatReport(report).join("\n")}`);
  }
  if (existsSync(output)) renameSync(output, previous);
  renameSync(staging, output);
  rmSync(previous, { recursive: true, force: true });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `Built ${path.relative(process.cwd(), output)}/ in ${seconds} s: ${search.pages} issues indexed for search; ${formatReport(report).at(-1)}.`,
  );
  return 0;
}

process.exitCode = await build();
