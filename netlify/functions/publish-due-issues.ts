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
}

export interface PublishResult {
  triggered: boolean;
  /** One line for the function log. */
  message: string;
}

/** Reads the schedule and calls the build hook when its next issue is due. */
export async function publishDueIssues(options: PublishOptions): Promise<PublishResult> {
  const response = await fetch(options.scheduleUrl, { headers: { "cache-control": "no-cache" } });
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
  const hook = new URL(options.buildHookUrl);
  hook.searchParams.set("trigger_title", `Scheduled issue due at ${nextDue}`);
  const build = await fetch(hook, { method: "POST", body: "{}" });
  if (!build.ok) {
    return {
      triggered: false,
      message: `the build hook answered HTTP ${build.status} — check DATELINE_BUILD_HOOK_URL`,
    };
  }
  return { triggered: true, message: `an issue was due at ${nextDue} — build started` };
}

/** `nextDue` from the schedule's JSON: a date-time, null for none, undefined when the file is not a schedule. */
function readNextDue(text: string): string | null | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== "object" || parsed === null || !("nextDue" in parsed)) return undefined;
    const { nextDue } = parsed;
    if (nextDue === null) return null;
    return typeof nextDue === "string" && !Number.isNaN(Date.parse(nextDue)) ? nextDue : undefined;
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
