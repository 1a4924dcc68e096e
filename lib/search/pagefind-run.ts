/**
 * One Pagefind run, as the search index (index-site.ts) drives it: pages sent in order without
 * waiting, the bundle written, and every way Pagefind can fail turned into one line.
 */
import { readdirSync, rmSync } from "node:fs";
import path from "node:path";
import * as pagefind from "pagefind";
import { BuildError } from "../shared/problems.ts";

/** What we ask of Pagefind: its defaults. Part of every fragment's key. */
export const PAGEFIND_CONFIG = {};

/** Pagefind's bundled UIs (about 430 KB of script and style we do not load). */
const UNUSED_FILE = /^pagefind-(ui|component-ui|modular-ui|highlight)\.(js|css)$/;

/**
 * A page of the site: its path under the site with `/`, and, when its name has glob syntax in it
 * (so Pagefind is sent its text rather than reading it), its bytes.
 */
export interface Page {
  file: string;
  html?: Buffer;
}

/** A path Pagefind's glob reads as itself: no glob syntax, no escaping needed. */
const PLAIN_PATH = /^[A-Za-z0-9._-]+(?:\/[A-Za-z0-9._-]+)*$/;

/** The page, holding on to its bytes only when Pagefind will need them (a thousand issues are 20 MB). */
export function pageOf(file: string, html: Buffer): Page {
  return PLAIN_PATH.test(file) ? { file } : { file, html };
}

/** The fix, after every way Pagefind itself can fail. */
const PAGEFIND_FIX = "free disk space, raise the file-size or memory limit if one is set, and build again";

/** Pagefind's own errors for a step, as one line. */
function failOn(errors: readonly string[], step: string): void {
  if (errors.length > 0)
    throw new BuildError(
      `the search index could not be written: Pagefind's ${step} failed: ${errors.join("; ").replace(/\s*\n\s*/g, " ")} — ${PAGEFIND_FIX}`,
    );
}

/** Pagefind's process ended mid-run: killed by a file-size limit's signal, the out-of-memory killer, a crash. */
const PAGEFIND_STOPPED = new BuildError(
  `the search index could not be written: Pagefind's process ended before it finished (a file-size limit, a full disk or too little memory can end it) — ${PAGEFIND_FIX}`,
);

/**
 * One Pagefind index being built. Pages are sent without waiting for an answer: Pagefind's
 * service takes its messages one at a time, in the order they arrive, and numbers pages in that
 * order (waiting for each answer cost over half a second at 1,000 pages).
 */
export class PagefindRun {
  private readonly sent: Promise<unknown>[] = [];

  private constructor(
    private readonly index: pagefind.PagefindIndex,
    private readonly site: string,
  ) {}

  static async start(site: string): Promise<PagefindRun> {
    const { index, errors } = await pagefind.createIndex(PAGEFIND_CONFIG);
    failOn(errors, "createIndex");
    if (!index)
      throw new BuildError(`the search index could not be written: Pagefind made no index — ${PAGEFIND_FIX}`);
    return new PagefindRun(index, site);
  }

  /**
   * Sends one page: Pagefind reads it from disk itself, as its directory walk would, or, for a
   * name with glob syntax in it, is sent its text under its path (the same fragment either way).
   * A failure is held, not thrown, until `write` (no unhandled rejection meanwhile).
   */
  add(page: Page): void {
    const added =
      page.html === undefined
        ? this.index.addDirectory({ path: this.site, glob: page.file }).then(({ errors, page_count }) => {
            failOn(errors, "addDirectory");
            if (page_count !== 1)
              throw new BuildError(
                `the search index could not be written: Pagefind found ${page_count} files at ${page.file}, which was just written — build again`,
              );
          })
        : this.index
            .addHTMLFile({ sourcePath: page.file, content: page.html.toString("utf8") })
            .then(({ errors }) => failOn(errors, "addHTMLFile"));
    this.sent.push(added.then(undefined, (error: unknown) => ({ error })));
  }

  /** Waits for every page, then writes the bundle (an empty index when no page was sent). */
  async write(outputPath: string): Promise<void> {
    for (const result of await Promise.all(this.sent)) {
      if (result && typeof result === "object" && "error" in result) throw result.error;
    }
    failOn((await this.index.writeFiles({ outputPath })).errors, "writeFiles");
    // Pagefind's ready-made interfaces: our page uses only the engine (pagefind.js and its worker).
    for (const file of readdirSync(outputPath)) {
      if (UNUSED_FILE.test(file)) rmSync(path.join(outputPath, file));
    }
  }
}

/**
 * Runs `work` with Pagefind's service, and stops the service however it ends. When the service's
 * process dies, Pagefind's client either fails its requests ("Pagefind backend closed", after
 * printing a stack of its own) or never answers them: nothing is left to wait on, and Node would
 * exit 13 mid-build with the lock and the staging folder left behind. Both become one line.
 */
export async function withPagefind<T>(work: () => Promise<T>): Promise<T> {
  let stopped: (error: BuildError) => void = () => {};
  const abandoned = new Promise<never>((_, reject) => {
    stopped = reject;
  });
  // Only fires when the event loop is empty, which mid-run means no answer can ever come.
  const onBeforeExit = (): void => stopped(PAGEFIND_STOPPED);
  process.once("beforeExit", onBeforeExit);
  const consoleError = console.error;
  // Pagefind prints "Service stopped" and a stack when its process goes; the one line says it.
  console.error = (...args: unknown[]): void => {
    if (args[0] !== "Service stopped") consoleError(...args);
  };
  try {
    return await Promise.race([work(), abandoned]);
  } catch (error) {
    if (error instanceof Error && error.message === "Pagefind backend closed") throw PAGEFIND_STOPPED;
    throw error;
  } finally {
    console.error = consoleError;
    process.off("beforeExit", onBeforeExit);
    await pagefind.close();
  }
}
