/**
 * `npm run build`: renders the site into a fresh folder and swaps it into _site only
 * when everything succeeded, so a failed build never leaves a half-written site.
 * Content problems are printed all at once, as `file: field: what — how to fix`; then the
 * site checks (lib/checks) run over the staged site before it is published.
 *
 * One build at a time holds `_site.lock`. Before anything else a build puts back a site that
 * a build killed mid-swap had moved aside, then removes leftovers of builds that are gone
 * (the recovery rule is in lib/build/swap.ts). Writers get one line per failure, no stack.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import site from "../_data/site.ts";
import { describeFailure, shownPath } from "../lib/build/errors.ts";
import { acquireLock, lockPathFor } from "../lib/build/lock.ts";
import { releaseMemory } from "../lib/build/memory.ts";
import { type PauseStep, pauseAt, pauseStepFrom } from "../lib/build/pause.ts";
import {
  assertReplaceable,
  buildFolders,
  recoverInterruptedSwap,
  removeLeftovers,
  swapIn,
} from "../lib/build/swap.ts";
import { checkSite, formatReport } from "../lib/checks/index.ts";
import { policyEntries } from "../lib/contract/policies.ts";
import { renderSite } from "../lib/eleventy/render.ts";
import { indexSite } from "../lib/search/index-site.ts";
import { buildPhases, formatPeaks, formatPhases } from "../lib/shared/phases.ts";

const output = path.resolve(process.argv[2] ?? "_site");
/** The publisher's policy paths: the checks prove each resolves. */
const sitePolicies = Object.fromEntries(policyEntries(site.policies));
const { staging, previous } = buildFolders(output);
const shownOutput = `${shownPath(output)}/`;

function printPhases(print: (line: string) => void): void {
  const phases = buildPhases.entries();
  if (phases.length > 0) print(formatPhases(phases));
  // DATELINE_MEMORY_LOG=1 (the bench sets it): where the build's memory grew.
  if (phases.length > 0 && process.env.DATELINE_MEMORY_LOG === "1") print(formatPeaks(buildPhases.peaks()));
}

/** Discards the staging folder and says why; the published site is untouched. */
function fail(reason: string): number {
  rmSync(staging, { recursive: true, force: true });
  console.error(`\nBuild failed: ${reason}\n`);
  console.error(`${shownOutput} was left as it was.`);
  printPhases(console.error);
  return 1;
}

/** The build proper, run while holding the lock. */
async function buildLocked(pauseStep: PauseStep | undefined, started: number): Promise<number> {
  const pause = (step: PauseStep): Promise<void> => pauseAt(step, pauseStep);
  let search: { pages: number };
  let rendered: { rendered: number; taken: number; verified: number };
  let report: Awaited<ReturnType<typeof checkSite>>;
  try {
    const restored = recoverInterruptedSwap(output);
    if (restored)
      console.error(
        `Restored ${shownOutput} from ${path.basename(restored)}/, left by a build that was interrupted mid-swap.`,
      );
    for (const warning of removeLeftovers(output)) console.error(`warning: ${warning}`);
    // A site the swap could not replace fails now, not after the whole render (checked again before the swap).
    assertReplaceable(output);
    await pause("started");

    const { sources, outputs, known } = await renderSite(staging);
    rendered = outputs;
    // Eleventy is garbage now; collected here, the checks start from a small heap (memory.ts).
    releaseMemory();
    await pause("staged");
    // The search index covers exactly what is about to be published.
    search = await buildPhases.time("search", () => indexSite(staging));
    // The site checks run on the staged site; one failure and the published site stays.
    report = await buildPhases.time("checks", () =>
      checkSite(staging, { sources, known, policies: sitePolicies }),
    );
  } catch (error) {
    return fail(describeFailure(error, staging));
  }
  if (report.problems.length > 0) {
    return fail(`the site checks found problems:\n${formatReport(report).join("\n")}`);
  }
  let warnings: string[];
  try {
    // Everything the swap will rename or delete is checked first: a build that reports
    // failure must not have changed _site.
    assertReplaceable(output);
    await pause("before-swap");
    warnings = await buildPhases.time("swap", () =>
      swapIn({ staging, previous, output }, () => pause("mid-swap")),
    );
  } catch (error) {
    return fail(describeFailure(error, staging));
  }
  for (const warning of warnings) console.error(`warning: ${warning}`);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const count = (n: number) => n.toLocaleString("en");
  console.log(
    `Built ${shownOutput} in ${seconds} s: rendered ${count(rendered.rendered)} of ${count(rendered.rendered + rendered.taken)} outputs, ${count(rendered.taken)} from the output store${rendered.verified > 0 ? ` (${count(rendered.verified)} stored outputs verified against a fresh render)` : ""}; ${search.pages} issues indexed for search; ${formatReport(report).at(-1)}.`,
  );
  printPhases(console.log);
  return 0;
}

async function build(): Promise<number> {
  const started = performance.now();
  let release: () => void;
  let pauseStep: PauseStep | undefined;
  try {
    pauseStep = pauseStepFrom(process.env);
    release = acquireLock(lockPathFor(output));
  } catch (error) {
    // Nothing was touched: one line, no "left as it was".
    console.error(`Build failed: ${describeFailure(error, staging)}`);
    return 1;
  }
  try {
    return await buildLocked(pauseStep, started);
  } finally {
    release();
  }
}

const code = await build();
// A failed build has said why and put everything back; work Eleventy left running (a passthrough
// copy into the removed staging folder) must not print a stack after that line.
if (code !== 0) process.exit(code);
process.exitCode = code;
