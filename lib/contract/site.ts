import { type Site, siteSchema } from "./schema.ts";

export type SiteSettings = Omit<Site, "noindex">;
type Env = Record<string, string | undefined>;

/**
 * Validates the site settings and applies Netlify's deploy context.
 * Production takes its origin from `URL`; previews and branch deploys keep the
 * production canonical URL but must not be indexed.
 * @example readSite(settings, { CONTEXT: "deploy-preview" }).noindex // true
 */
export function readSite(settings: SiteSettings, env: Env): Site {
  const context = env.CONTEXT;
  const url = context === "production" && env.URL ? env.URL : settings.url;
  const noindex = context !== undefined && context !== "production";
  const result = siteSchema.safeParse({ ...settings, url, noindex });
  if (!result.success) {
    const lines = result.error.issues.map(
      (issue) => `_data/site.ts: ${issue.path.join(".")}: ${issue.message}`,
    );
    throw new Error(lines.join("\n"));
  }
  return result.data;
}
