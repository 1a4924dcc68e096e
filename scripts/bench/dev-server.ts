/**
 * What a writer waits for in the dev server: from saving an issue file to the dev server
 * serving the page with the change. Starts `npm start` in the scratch project, waits for its
 * first build, then for each edit writes the file and polls the page until the new word is in
 * it. The page's URL is found in the dev output folder, so it follows the site's URL scheme.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { issuePage } from "./project.ts";

export interface DevEdit {
  /** Project-relative issue file. */
  path: string;
  text: string;
  /** A word the edit adds, to look for in the served page. */
  word: string;
}

const FIRST_BUILD_LIMIT_MS = 15 * 60_000;
const SAVE_LIMIT_MS = 60_000;
const POLL_MS = 20;
/** Quiet time after each save, so the watcher's follow-up work does not overlap the next. */
const SETTLE_MS = 2_000;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function stop(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    // Already gone.
  }
}

async function waitFor(condition: () => Promise<boolean> | boolean, limitMs: number, what: string) {
  const started = performance.now();
  while (!(await condition())) {
    if (performance.now() - started > limitMs)
      throw new Error(`dev server: ${what} within ${limitMs / 1000} s`);
    await sleep(POLL_MS);
  }
}

async function pageHas(url: string, word: string): Promise<boolean> {
  try {
    const response = await fetch(url);
    return response.ok && (await response.text()).includes(word);
  } catch {
    return false;
  }
}

/** Milliseconds from each save to the served page showing it, in order. */
export async function saveToServedPage(
  dir: string,
  edits: DevEdit[],
  env: NodeJS.ProcessEnv,
): Promise<number[]> {
  const port = await freePort();
  const devEnv = { ...env };
  delete devEnv.NODE_ENV;
  const child = spawn("npm", ["start", "--", `--port=${port}`], {
    cwd: dir,
    env: devEnv,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  });
  const origin = `http://127.0.0.1:${port}`;
  try {
    await waitFor(
      async () => {
        if (child.exitCode !== null) throw new Error(`dev server exited:\n${output}`);
        return pageHas(`${origin}/`, "<html");
      },
      FIRST_BUILD_LIMIT_MS,
      "no home page",
    );
    const timings: number[] = [];
    for (const edit of edits) {
      const slug = path.basename(edit.path, ".md");
      const page = issuePage(path.join(dir, "_site.dev"), slug);
      if (!page) throw new Error(`dev server: no page for ${edit.path} in _site.dev`);
      const url = `${origin}/${path.relative(path.join(dir, "_site.dev"), path.dirname(page))}/`;
      const before = readFileSync(path.join(dir, edit.path), "utf8");
      if (before.includes(edit.word)) throw new Error(`dev server: ${edit.path} already has "${edit.word}"`);
      const saved = performance.now();
      writeFileSync(path.join(dir, edit.path), edit.text);
      await waitFor(() => pageHas(url, edit.word), SAVE_LIMIT_MS, `"${edit.word}" not served at ${url}`);
      timings.push(performance.now() - saved);
      await sleep(SETTLE_MS);
    }
    return timings;
  } finally {
    stop(child);
  }
}
