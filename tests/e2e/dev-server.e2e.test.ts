/**
 * The dev server as a writer meets it: a content mistake shows on the page in Chromium (and in
 * the terminal as problem lines, no stack trace), its fix clears it with live reload, a warning
 * shows in a quieter box, each issue's email preview loads its photos from the dev server, and a
 * deleted issue's page is gone after the next build.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { networkInterfaces, tmpdir } from "node:os";
import path from "node:path";
import { load } from "cheerio";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { issueFile } from "../helpers/fixture-site.ts";
import { describeE2E, launchChromium, newContext, sampleProjectWith } from "./helpers.ts";

const EPOCH = 1744416000;
const valid = {
  title: "The first round",
  dek: "Delegations met at the consulate.",
  date: "2025-04-10T09:00:00+03:00",
  authors: ["ayse-demir"],
  topics: ["russia"],
};
/** Two rebuild waits of up to 60 s each: a wait that gives up says what it waited for, not "timed out". */
const POLLING_TEST_TIMEOUT = 150_000;
const FIRST = "src/issues/2025/first-round.md";
const SECOND = "src/issues/2025/second-round.md";
const FOURTH = "src/issues/2025/fourth-round.md";

describeE2E("the dev server in Chromium", () => {
  /** The project the writer works in. */
  let dir = "";
  let server: ChildProcess;
  let terminal = "";
  let origin = "";
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    // Not built first: the dev server builds on start, as when a writer runs `npm start`.
    dir = sampleProjectWith({
      "2025/first-round.md": issueFile(valid, "Delegations met for three hours."),
      "2025/second-round.md": issueFile(
        { ...valid, title: "The second round", date: "2025-04-11T09:00:00+03:00" },
        "They met again.",
      ),
      "2025/third-round.md": issueFile(
        {
          ...valid,
          title: "The third round",
          date: "2025-04-12T09:00:00+03:00",
          photo: {
            src: "2025/istanbul-consulate-placeholder.jpg",
            alt: "A placeholder",
            caption: "The consulate.",
          },
        },
        "They met a third time.",
      ),
    });
    const port = 20_000 + (process.pid % 20_000);
    server = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "node_modules/@11ty/eleventy/cmd.cjs",
        "--config=eleventy.config.ts",
        "--serve",
        `--port=${port}`,
      ],
      {
        cwd: dir,
        env: {
          ...process.env,
          ELEVENTY_RUN_MODE: "serve",
          // The default, loopback, whatever the machine running the tests sets.
          DATELINE_DEV_HOST: "",
          SOURCE_DATE_EPOCH: String(EPOCH),
          DATELINE_PHOTO_CACHE: path.join(dir, ".cache/photos"),
        },
      },
    );
    server.stdout?.on("data", (chunk: Buffer) => {
      terminal += chunk.toString();
    });
    server.stderr?.on("data", (chunk: Buffer) => {
      terminal += chunk.toString();
    });
    origin = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`the dev server did not start:\n${terminal}`)),
        120_000,
      );
      const look = () => {
        const found = /Server at (http:\/\/\S+?)\/?\s/.exec(terminal)?.[1];
        if (found) {
          clearTimeout(timer);
          resolve(found.replace(/\/$/, ""));
        }
      };
      server.stdout?.on("data", look);
      server.stderr?.on("data", look);
    });
    browser = await launchChromium();
    page = await (await newContext(browser)).newPage();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    server?.kill("SIGTERM");
    if (dir) {
      // The dev server's deletion marker, one folder per project (lib/eleventy/content.ts).
      const project = createHash("sha256").update(realpathSync(dir)).digest("hex").slice(0, 12);
      rmSync(path.join(tmpdir(), `dateline-dev-${project}`), { recursive: true, force: true });
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("listens on loopback only, so drafts never reach the network the machine is on", async () => {
    const port = Number(new URL(origin).port);
    // The kernel's table of listening TCP sockets: every one on this port is 127.0.0.1.
    const listening = ["/proc/net/tcp", "/proc/net/tcp6"]
      .flatMap((table) => readFileSync(table, "utf8").split("\n").slice(1))
      .map((line) => line.trim().split(/\s+/))
      .filter((fields) => fields[3] === "0A" && Number.parseInt(fields[1]?.split(":")[1] ?? "", 16) === port)
      .map((fields) => fields[1]?.split(":")[0]);
    expect(listening).toEqual(["0100007F"]);
    expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(200);
    const address = Object.values(networkInterfaces())
      .flat()
      .find((each) => each?.family === "IPv4" && !each.internal)?.address;
    if (address) await expect(fetch(`http://${address}:${port}/`)).rejects.toThrow();
  });

  it(
    "shows a content mistake on the page, then clears it when the fix is saved",
    async () => {
      await page.goto(`${origin}/2025/04/first-round/`);
      await expect.poll(() => page.locator("h1").textContent()).toBe("The first round");

      const before = terminal.length;
      writeFileSync(path.join(dir, FIRST), issueFile({ ...valid, title: undefined }, "Delegations met."));
      const problems = page.locator(".content-problems li");
      await expect
        .poll(() => problems.allTextContents(), { timeout: 60_000, message: "problems shown on the page" })
        .toEqual([`${FIRST}: title: required — write the headline`]);
      await expect(page.locator(".content-problems h2").textContent()).resolves.toBe(
        "Build failed: 1 problem in the content",
      );
      // The last good page is still there below the problems.
      expect(await page.locator("h1").textContent()).toBe("The first round");
      const printed = terminal.slice(before);
      expect(printed).toContain(
        `1 problem in the content:\n${FIRST}: title: required — write the headline\n`,
      );
      expect(printed).not.toContain("stack trace");
      expect(printed).not.toContain("    at ");

      writeFileSync(
        path.join(dir, FIRST),
        issueFile({ ...valid, title: "The first round, revised" }, "Met."),
      );
      await expect
        .poll(() => page.locator("h1").textContent(), { timeout: 60_000, message: "headline after the fix" })
        .toBe("The first round, revised");
      expect(await page.locator(".content-problems").count()).toBe(0);
    },
    POLLING_TEST_TIMEOUT,
  );

  it(
    "takes a deleted issue off every page, without another save",
    async () => {
      const second = await page.goto(`${origin}/2025/04/second-round/`);
      expect(second?.status()).toBe(200);
      // Deleting the file alone, with nothing else saved, rebuilds the site.
      rmSync(path.join(dir, SECOND));
      await expect
        .poll(async () => (await page.request.get(`${origin}/2025/04/second-round/`)).status(), {
          timeout: 60_000,
          message: "status of the deleted issue's page",
        })
        .toBe(404);
      await expect
        .poll(
          async () => (await (await page.request.get(`${origin}/`)).text()).includes("The second round"),
          {
            timeout: 60_000,
            message: "the home page still lists the deleted issue",
          },
        )
        .toBe(false);
      expect(await (await page.request.get(`${origin}/`)).text()).toContain("The first round, revised");
    },
    POLLING_TEST_TIMEOUT,
  );

  it(
    "shows a warning on every page in a quieter box than a problem, and clears it when fixed",
    async () => {
      // The page as the dev server serves it, asked for afresh: a browser page would depend on a
      // live reload it may miss when it loaded mid-build (it then waited past the test's limit).
      const served = async () =>
        load(await (await page.request.get(`${origin}/2025/04/first-round/`)).text());
      const before = terminal.length;
      writeFileSync(
        path.join(dir, FOURTH),
        issueFile({ ...valid, title: "“The fourth round”", date: "2025-04-13T09:00:00+03:00" }, "Met."),
      );
      const warningLines = async () => {
        const $ = await served();
        return $(".content-warnings li")
          .map((_, item) => $(item).text())
          .get();
      };
      await expect
        .poll(warningLines, { timeout: 60_000, message: "warnings shown on the page" })
        .toEqual([
          `${FOURTH}: title: is wrapped in curly quotes (“The fourth round”), which show in the headline, the page title, feeds and search — remove them, unless the whole value is a quotation`,
        ]);
      const $ = await served();
      expect($(".content-warnings h2").text()).toBe("1 warning in the content");
      expect($(".content-problems").length).toBe(0);
      // Quieter than a problem: a status box, not an alert.
      expect($(".content-warnings").attr("role")).toBeUndefined();
      expect(terminal.slice(before)).toContain(`warning: ${FOURTH}: title: is wrapped in curly quotes`);

      writeFileSync(
        path.join(dir, FOURTH),
        issueFile({ ...valid, title: "The fourth round", date: "2025-04-13T09:00:00+03:00" }, "Met."),
      );
      await expect
        .poll(async () => (await served())(".content-warnings").length, {
          timeout: 60_000,
          message: "warning box after the fix",
        })
        .toBe(0);
    },
    POLLING_TEST_TIMEOUT,
  );

  it("serves each issue's email preview with its photos from the dev server, the email itself unchanged", async () => {
    const preview = await page.context().newPage();
    const response = await preview.goto(`${origin}/2025/04/third-round/email.preview.html`);
    expect(response?.status()).toBe(200);
    const images = await preview.evaluate<{ src: string | null; loaded: boolean }[]>(
      "[...document.images].map((img) => ({ src: img.getAttribute('src'), loaded: img.complete && img.naturalWidth > 0 }))",
    );
    expect(images.length).toBeGreaterThan(0);
    expect(images.filter((image) => !image.src?.startsWith("/photos/") || !image.loaded)).toEqual([]);
    const published = await (await page.request.get(`${origin}/2025/04/third-round/email.html`)).text();
    expect(published).toContain('src="https://dateline.example/photos/2025/istanbul-consulate-placeholder-');
    expect(published).not.toContain('src="/photos/');
    await preview.close();
  });
});
