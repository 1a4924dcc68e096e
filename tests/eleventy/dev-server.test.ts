/** The dev server's email preview, served by its middleware through a real HTTP server. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emailPreviewMiddleware } from "../../lib/eleventy/dev-server.ts";

const ORIGIN = "https://dateline.example";
const EMAIL = `<!doctype html><p>Talks</p><img class="photo" src="${ORIGIN}/photos/2025/consulate-600.1a2b3c4d.jpg" alt="The consulate"><a href="${ORIGIN}/2025/04/talks/">Read on the web</a>`;

describe("emailPreviewMiddleware", () => {
  const output = mkdtempSync(path.join(tmpdir(), "dateline-dev-"));
  let server: Server;
  let base = "";
  beforeAll(async () => {
    mkdirSync(path.join(output, "2025/04/talks"), { recursive: true });
    writeFileSync(path.join(output, "2025/04/talks/email.html"), EMAIL);
    writeFileSync(path.join(output, "email.html"), "outside any issue");
    const preview = emailPreviewMiddleware(ORIGIN, () => output);
    server = createServer((request, response) => {
      void preview(request, response, () => {
        response.statusCode = 404;
        response.end("passed on");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(output, { recursive: true, force: true });
  });

  const get = async (pathname: string) => {
    const response = await fetch(`${base}${pathname}`);
    return {
      status: response.status,
      type: response.headers.get("content-type"),
      body: await response.text(),
    };
  };

  it("serves the built email with the site's images on the dev server's own /photos/, links as published", async () => {
    const { status, type, body } = await get("/2025/04/talks/email.preview.html");
    expect([status, type]).toEqual([200, "text/html; charset=utf-8"]);
    expect(body).toContain('src="/photos/2025/consulate-600.1a2b3c4d.jpg"');
    expect(body).toContain(`href="${ORIGIN}/2025/04/talks/"`);
  });

  it.each([
    ["an issue with no email built", "/2025/04/other/email.preview.html"],
    ["any other file", "/2025/04/talks/email.html"],
    ["a path out of the output folder", "/..%2F..%2Fetc/email.preview.html"],
    ["a malformed escape", "/2025/%E0%A4%A/email.preview.html"],
  ])("passes on %s", async (_what, pathname) => {
    expect(await get(pathname)).toMatchObject({ status: 404, body: "passed on" });
  });
});
