/**
 * The scheduled publishing function against a local HTTP server on 127.0.0.1 that serves
 * the site's schedule.json and stands in for Netlify's build hook.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import handler, { config, publishDueIssues, SCHEDULE_PATH } from "../netlify/functions/publish-due-issues.ts";

let server: Server;
let origin: string;
/** What /schedule.json answers with. */
let schedule: { status: number; body: string };
/** Each request the build hook received: method and query. */
let hookCalls: { method: string; url: string }[];

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === SCHEDULE_PATH) {
      response.writeHead(schedule.status, { "content-type": "application/json" }).end(schedule.body);
      return;
    }
    if (request.url === "/moved/schedule.json") {
      response.writeHead(302, { location: SCHEDULE_PATH }).end();
      return;
    }
    if (request.url === "/elsewhere/schedule.json") {
      // Never followed: the function refuses another host before it would fetch it.
      response.writeHead(302, { location: "https://schedule.invalid/schedule.json" }).end();
      return;
    }
    if (request.url === "/silent/schedule.json") return; // never answers
    if (request.url?.startsWith("/build_hooks/abc123")) {
      hookCalls.push({ method: request.method ?? "", url: request.url });
      response.writeHead(200).end();
      return;
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(
  () =>
    new Promise<void>((resolve) => {
      // The silent route's request is still open: end it, then stop.
      server.closeAllConnections();
      server.close(() => resolve());
    }),
);
afterEach(() => {
  hookCalls = [];
});
hookCalls = [];

const run = (now: string) =>
  publishDueIssues({
    scheduleUrl: `${origin}${SCHEDULE_PATH}`,
    buildHookUrl: `${origin}/build_hooks/abc123`,
    now: new Date(now),
  });

describe("publishDueIssues", () => {
  it("calls the build hook once an issue is due", async () => {
    schedule = { status: 200, body: '{"nextDue":"2025-04-11T06:00:00Z"}' };
    expect(await run("2025-04-11T06:00:00Z")).toEqual({
      triggered: true,
      message: "an issue was due at 2025-04-11T06:00:00Z — build started",
    });
    expect(hookCalls).toEqual([
      {
        method: "POST",
        url: "/build_hooks/abc123?trigger_title=Scheduled+issue+due+at+2025-04-11T06%3A00%3A00Z",
      },
    ]);
  });

  it("does not call it before the issue is due", async () => {
    schedule = { status: 200, body: '{"nextDue":"2025-04-11T06:00:00Z"}' };
    expect(await run("2025-04-11T05:59:59Z")).toEqual({
      triggered: false,
      message: "the next issue is due at 2025-04-11T06:00:00Z",
    });
    expect(hookCalls).toEqual([]);
  });

  it("does not call it when no issue is scheduled", async () => {
    schedule = { status: 200, body: '{"nextDue":null}' };
    expect(await run("2025-04-11T06:00:00Z")).toEqual({ triggered: false, message: "no issue is scheduled" });
    expect(hookCalls).toEqual([]);
  });

  it.each([
    ["not JSON", "<html>Not found</html>"],
    ["JSON without nextDue", "{}"],
    ["a nextDue that is no date", '{"nextDue":"soon"}'],
  ])("does not call it when the schedule is %s", async (_name, body) => {
    schedule = { status: 200, body };
    expect(await run("2025-04-11T06:00:00Z")).toEqual({
      triggered: false,
      message: `${origin}/schedule.json: not a schedule ({"nextDue": "<ISO date-time>" | null}) — no build started`,
    });
    expect(hookCalls).toEqual([]);
  });

  it.each([
    ["a bare number", '{"nextDue":"1"}'],
    ["words and a number", '{"nextDue":"hello 12"}'],
    ["a date without a time", '{"nextDue":"2025-04-11"}'],
    ["a time without an offset", '{"nextDue":"2025-04-11T06:00:00"}'],
  ])("does not call it for a nextDue that is %s", async (_name, body) => {
    schedule = { status: 200, body };
    expect((await run("2026-01-01T00:00:00Z")).message).toBe(
      `${origin}/schedule.json: not a schedule ({"nextDue": "<ISO date-time>" | null}) — no build started`,
    );
    expect(hookCalls).toEqual([]);
  });

  it("follows a redirect on the site's own origin", async () => {
    schedule = { status: 200, body: '{"nextDue":"2025-04-11T06:00:00Z"}' };
    const result = await publishDueIssues({
      scheduleUrl: `${origin}/moved/schedule.json`,
      buildHookUrl: `${origin}/build_hooks/abc123`,
      now: new Date("2025-04-11T06:00:00Z"),
    });
    expect(result.triggered).toBe(true);
  });

  it("refuses a redirect to another host", async () => {
    schedule = { status: 200, body: '{"nextDue":"2025-04-11T06:00:00Z"}' };
    const result = await publishDueIssues({
      scheduleUrl: `${origin}/elsewhere/schedule.json`,
      buildHookUrl: `${origin}/build_hooks/abc123`,
      now: new Date("2025-04-11T06:00:00Z"),
    });
    expect(result).toEqual({
      triggered: false,
      message: `${origin}/elsewhere/schedule.json: redirects to another host (https://schedule.invalid) — no build started`,
    });
    expect(hookCalls).toEqual([]);
  });

  it("gives up on a schedule that does not answer in time", async () => {
    const result = await publishDueIssues({
      scheduleUrl: `${origin}/silent/schedule.json`,
      buildHookUrl: `${origin}/build_hooks/abc123`,
      now: new Date("2025-04-11T06:00:00Z"),
      timeoutMs: 300,
    });
    expect(result).toEqual({
      triggered: false,
      message: `${origin}/silent/schedule.json: no answer within 0.3 s — no build started`,
    });
    expect(hookCalls).toEqual([]);
  });

  it("says so when the build hook is not a URL", async () => {
    schedule = { status: 200, body: '{"nextDue":"2025-04-11T06:00:00Z"}' };
    const result = await publishDueIssues({
      scheduleUrl: `${origin}${SCHEDULE_PATH}`,
      buildHookUrl: "not a url",
      now: new Date("2025-04-11T06:00:00Z"),
    });
    expect(result).toEqual({
      triggered: false,
      message:
        "DATELINE_BUILD_HOOK_URL is not a URL — copy the hook's address from Site configuration → Build hooks",
    });
  });

  it("does not call it when the schedule cannot be fetched", async () => {
    schedule = { status: 404, body: "" };
    expect(await run("2025-04-11T06:00:00Z")).toEqual({
      triggered: false,
      message: `${origin}/schedule.json: HTTP 404 — no build started`,
    });
    expect(hookCalls).toEqual([]);
  });
});

describe("the scheduled function", () => {
  it("runs every 15 minutes", () => {
    expect(config).toEqual({ schedule: "*/15 * * * *" });
  });

  it("reads the hook and site from the environment and calls the hook when due", async () => {
    const saved = { hook: process.env.DATELINE_BUILD_HOOK_URL, url: process.env.URL };
    process.env.DATELINE_BUILD_HOOK_URL = `${origin}/build_hooks/abc123`;
    process.env.URL = origin;
    try {
      // Due long ago, so the real clock of this run is always past it.
      schedule = { status: 200, body: '{"nextDue":"2000-01-01T00:00:00Z"}' };
      const response = await handler();
      expect(await response.text()).toBe("an issue was due at 2000-01-01T00:00:00Z — build started");
      expect(hookCalls).toHaveLength(1);
    } finally {
      process.env.DATELINE_BUILD_HOOK_URL = saved.hook;
      process.env.URL = saved.url;
      if (saved.hook === undefined) delete process.env.DATELINE_BUILD_HOOK_URL;
      if (saved.url === undefined) delete process.env.URL;
    }
  });

  it("says what to set when the build hook is missing", async () => {
    const saved = process.env.DATELINE_BUILD_HOOK_URL;
    delete process.env.DATELINE_BUILD_HOOK_URL;
    try {
      const response = await handler();
      expect(response.status).toBe(500);
      expect(await response.text()).toBe(
        "set DATELINE_BUILD_HOOK_URL to the site's build hook (and URL, which Netlify sets)",
      );
    } finally {
      if (saved !== undefined) process.env.DATELINE_BUILD_HOOK_URL = saved;
    }
  });
});
