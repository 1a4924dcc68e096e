/**
 * Scheduled publishing: every 15 minutes Netlify runs this function, which reads the site's
 * own `/schedule.json` (written by every build: when the next issue dated in the future is
 * due) and calls the site's build hook only when that time has come. A build then publishes
 * the issue and writes the next due time, so builds run only when an issue is due.
 *
 * Environment: DATELINE_BUILD_HOOK_URL (Site configuration → Build hooks); URL is Netlify's.
 */
import type { Config } from "@netlify/functions";

/** Every 15 minutes, UTC: an issue dated 09:00, 09:15, 09:30 or 09:45 goes out within a build's time. */
export const config: Config = { schedule: "*/15 * * * *" };

/** Where the build writes the next due time, from the site root. */
export const SCHEDULE_PATH = "/schedule.json";

export interface PublishOptions {
  /** The published schedule, e.g. `https://example.org/schedule.json`. */
  scheduleUrl: string;
  /** The site's build hook. */
  buildHookUrl: string;
  /** The time of this run. */
  now: Date;
  /** How long each request may take before the run gives up (default 10 s: the function has 30). */
  timeoutMs?: number;
}

export interface PublishResult {
  triggered: boolean;
  /** One line for the function log. */
  message: string;
}

const DEFAULT_TIMEOUT_MS = 10_000;

/** A refusal: nothing is built, and the log says why in one line. */
const refuse = (message: string): PublishResult => ({ triggered: false, message });

/**
 * The schedule, fetched from the site's own origin only: a redirect to another host is refused
 * (the function would otherwise act on a file someone else controls), and so is a slow answer.
 */
async function fetchSchedule(url: string, timeoutMs: number): Promise<Response | PublishResult> {
  const seconds = `${Math.round(timeoutMs / 100) / 10} s`;
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { "cache-control": "no-cache" },
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    return refuse(
      timedOut
        ? `${url}: no answer within ${seconds} — no build started`
        : `${url}: cannot be fetched (${error instanceof Error ? error.message : String(error)}) — no build started`,
    );
  }
  if (response.status >= 300 && response.status < 400) {
    const location = new URL(response.headers.get("location") ?? "", url);
    if (location.origin !== new URL(url).origin)
      return refuse(`${url}: redirects to another host (${location.origin}) — no build started`);
    return fetchSchedule(location.href, timeoutMs);
  }
  return response;
}

/** Reads the schedule and calls the build hook when its next issue is due. */
export async function publishDueIssues(options: PublishOptions): Promise<PublishResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const fetched = await fetchSchedule(options.scheduleUrl, timeoutMs);
  if (!(fetched instanceof Response)) return fetched;
  const response = fetched;
  if (!response.ok) {
    return {
      triggered: false,
      message: `${options.scheduleUrl}: HTTP ${response.status} — no build started`,
    };
  }
  const nextDue = readNextDue(await response.text());
  if (nextDue === undefined) {
    return {
      triggered: false,
      message: `${options.scheduleUrl}: not a schedule ({"nextDue": "<ISO date-time>" | null}) — no build started`,
    };
  }
  if (nextDue === null) return { triggered: false, message: "no issue is scheduled" };
  if (Date.parse(nextDue) > options.now.getTime()) {
    return { triggered: false, message: `the next issue is due at ${nextDue}` };
  }
  let hook: URL;
  try {
    hook = new URL(options.buildHookUrl);
  } catch {
    return refuse(
      "DATELINE_BUILD_HOOK_URL is not a URL — copy the hook's address from Site configuration → Build hooks",
    );
  }
  hook.searchParams.set("trigger_title", `Scheduled issue due at ${nextDue}`);
  let build: Response;
  try {
    build = await fetch(hook, { method: "POST", body: "{}", signal: AbortSignal.timeout(timeoutMs) });
  } catch {
    return refuse(
      `the build hook did not answer within ${Math.round(timeoutMs / 100) / 10} s — no build started`,
    );
  }
  if (!build.ok) {
    return {
      triggered: false,
      message: `the build hook answered HTTP ${build.status} — check DATELINE_BUILD_HOOK_URL`,
    };
  }
  return { triggered: true, message: `an issue was due at ${nextDue} — build started` };
}

/** An ISO 8601 date-time with its offset, as the build writes it: `2025-04-11T06:00:00Z`. */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** `nextDue` from the schedule's JSON: a date-time, null for none, undefined when the file is not a schedule. */
function readNextDue(text: string): string | null | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== "object" || parsed === null || !("nextDue" in parsed)) return undefined;
    const { nextDue } = parsed;
    if (nextDue === null) return null;
    return typeof nextDue === "string" && ISO_DATE_TIME.test(nextDue) && !Number.isNaN(Date.parse(nextDue))
      ? nextDue
      : undefined;
  } catch {
    return undefined;
  }
}

export default async (): Promise<Response> => {
  const buildHookUrl = process.env.DATELINE_BUILD_HOOK_URL;
  const site = process.env.URL;
  if (!buildHookUrl || !site) {
    const message = "set DATELINE_BUILD_HOOK_URL to the site's build hook (and URL, which Netlify sets)";
    console.error(`publish-due-issues: ${message}`);
    return new Response(message, { status: 500 });
  }
  const result = await publishDueIssues({
    scheduleUrl: new URL(SCHEDULE_PATH, site).href,
    buildHookUrl,
    now: new Date(),
  });
  console.log(`publish-due-issues: ${result.message}`);
  return new Response(result.message);
};
