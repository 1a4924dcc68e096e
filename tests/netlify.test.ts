/**
 * netlify.toml as Netlify reads it: parsed with Netlify's own packages, then the headers a
 * path gets are merged the way Netlify merges matching rules (later rule wins per header).
 */
import path from "node:path";
import { resolveConfig } from "@netlify/config";
import { type Header, parseAllHeaders } from "@netlify/headers-parser";
import { DateTime } from "luxon";
import { beforeAll, describe, expect, it } from "vitest";
import { EMAIL_FILES, emailUrl, issueUrl, listFeeds, PAGE_PATHS } from "../lib/contract/urls.ts";

const root = path.resolve(import.meta.dirname, "..");
/** Any issue's path: header rules match by pattern, so no issue needs to exist there. */
const ISSUE_PATH = "/2025/04/any-issue/";
let rules: Header[];

beforeAll(async () => {
  const { headers, errors } = await parseAllHeaders({
    headersFiles: [],
    netlifyConfigPath: path.join(root, "netlify.toml"),
    configHeaders: undefined,
    minimal: false,
  });
  expect(errors).toEqual([]);
  rules = headers as Header[];
});

/** The headers Netlify sends for a path: every matching rule, later ones overriding. */
function headersFor(urlPath: string): Record<string, string> {
  return Object.assign(
    {},
    ...rules.filter((rule) => rule.forRegExp.test(urlPath)).map((rule) => rule.values),
  );
}

/** A path of each kind the site serves, every one made by lib/contract/urls.ts. */
function knownPaths(): string[] {
  const issue = issueUrl("any-issue", DateTime.fromISO("2025-04-10T16:30:00+03:00", { setZone: true }));
  return [
    ...Object.values(PAGE_PATHS),
    ...listFeeds(
      { t: { name: "T", kind: "theme", description: "T" } },
      { people: { p: {} }, places: { x: {} }, organisations: { o: {} } },
      { h: {} },
    ).map((feed) => feed.path),
    ...EMAIL_FILES.map((file) => emailUrl(issue, file)),
    issue,
    `${PAGE_PATHS.pagefind}bundles.json`,
    `${PAGE_PATHS.pagefind}2025/pagefind.js`,
    `${PAGE_PATHS.photos}2025/a-480.1a2b3c4d.avif`,
    `${PAGE_PATHS.stylesheets}site.1a2b3c4d5e.css`,
    `${PAGE_PATHS.scripts}search.1a2b3c4d5e.js`,
    `${PAGE_PATHS.search}?q=talks`,
  ];
}

describe("netlify.toml and lib/contract/urls.ts", () => {
  it("has a header rule only for paths the site serves", () => {
    const paths = knownPaths();
    const strays = rules.filter((rule) => !paths.some((known) => rule.forRegExp.test(known)));
    expect(strays.map((rule) => rule.for)).toEqual([]);
  });

  it("gives every feed, sitemap and email file a rule of its own, not only the site-wide one", () => {
    const special = knownPaths().filter(
      (known) => /\.(?:xml|json|txt|eml|html)$/.test(known) && known !== PAGE_PATHS.notFound,
    );
    const bare = special.filter((known) => rules.filter((rule) => rule.forRegExp.test(known)).length < 2);
    // robots.txt and trust.txt are plain text, which the site-wide rule serves as it should.
    expect(bare.sort()).toEqual([PAGE_PATHS.robots, PAGE_PATHS.trustTxt].sort());
  });
});

describe("netlify.toml", () => {
  it("builds with npm run build on Node 20 and publishes _site", async () => {
    const { config } = await resolveConfig({
      config: path.join(root, "netlify.toml"),
      repositoryRoot: root,
      offline: true,
      mode: "cli",
    });
    expect(config.build.command).toBe("npm run build");
    expect(config.build.publish).toBe(path.join(root, "_site"));
    expect(config.build.environment.NODE_VERSION).toBe("20");
  });

  it("sends a strict Content-Security-Policy with no inline script or style", () => {
    const csp = headersFor(ISSUE_PATH)["Content-Security-Policy"] ?? "";
    const directives = Object.fromEntries(
      csp.split(";").map((part) => {
        const [name = "", ...values] = part.trim().split(/\s+/);
        return [name, values.join(" ")];
      }),
    );
    expect(directives["default-src"]).toBe("'self'");
    expect(directives["script-src"]).toBe("'self'");
    expect(directives["style-src"]).toBe("'self'");
    expect(directives["object-src"]).toBe("'none'");
    expect(directives["frame-ancestors"]).toBe("'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).not.toContain("unsafe-eval");
  });

  it("lets only the search page compile WebAssembly (Pagefind), with no inline script there either", () => {
    const search = headersFor("/search/")["Content-Security-Policy"] ?? "";
    expect(search).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(search).toContain("frame-ancestors 'none'");
    expect(search).not.toContain("unsafe-inline");
    expect(headersFor("/")["Content-Security-Policy"]).not.toContain("wasm-unsafe-eval");
  });

  it("lets the email edition's web copy use inline styles and the site's photos, and nothing else", () => {
    const email = headersFor(`${ISSUE_PATH}email.html`);
    expect(email["Content-Security-Policy"]).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; upgrade-insecure-requests",
    );
    expect(email["X-Robots-Tag"]).toBe("noindex");
    expect(headersFor(`${ISSUE_PATH}email.txt`)["Content-Type"]).toBe("text/plain; charset=utf-8");
    expect(headersFor(`${ISSUE_PATH}email.eml`)["Content-Type"]).toBe("message/rfc822");
    // The issue page itself keeps the strict policy.
    expect(headersFor(ISSUE_PATH)["Content-Security-Policy"]).not.toContain("unsafe-inline");
    expect(headersFor("/about/email.html")["Content-Security-Policy"]).not.toContain("unsafe-inline");
  });

  it.each(["/", ISSUE_PATH, "/feed.xml", "/assets/css/site.0123456789.css"])(
    "sends the security headers on %s",
    (urlPath) => {
      const headers = headersFor(urlPath);
      expect(headers["Strict-Transport-Security"]).toBe("max-age=63072000; includeSubDomains");
      expect(headers["X-Content-Type-Options"]).toBe("nosniff");
      expect(headers["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
      expect(headers["X-Frame-Options"]).toBe("DENY");
      expect(headers["Permissions-Policy"]).toContain("camera=()");
      expect(headers["Permissions-Policy"]).toContain("geolocation=()");
    },
  );

  it.each([
    ["/", "public, max-age=0, must-revalidate"],
    [ISSUE_PATH, "public, max-age=0, must-revalidate"],
    ["/assets/css/site.0123456789.css", "public, max-age=31536000, immutable"],
    ["/photos/2025/istanbul-consulate-placeholder-1200.3f9a2c1b.jpg", "public, max-age=31536000, immutable"],
    ["/feed.xml", "public, max-age=300, must-revalidate"],
    ["/rss.xml", "public, max-age=300, must-revalidate"],
    ["/feed.json", "public, max-age=300, must-revalidate"],
    ["/topics/russia/feed.xml", "public, max-age=300, must-revalidate"],
    ["/people/alexander-darchiev/feed.xml", "public, max-age=300, must-revalidate"],
    ["/places/istanbul/feed.xml", "public, max-age=300, must-revalidate"],
    ["/organisations/us-state-department/feed.xml", "public, max-age=300, must-revalidate"],
    ["/corrections/feed.xml", "public, max-age=300, must-revalidate"],
    ["/threads/istanbul-embassy-talks/feed.xml", "public, max-age=300, must-revalidate"],
  ])("caches %s with %s", (urlPath, cacheControl) => {
    expect(headersFor(urlPath)["Cache-Control"]).toBe(cacheControl);
  });

  it.each([
    ["/feed.xml", "application/atom+xml; charset=utf-8"],
    ["/topics/russia/feed.xml", "application/atom+xml; charset=utf-8"],
    ["/corrections/feed.xml", "application/atom+xml; charset=utf-8"],
    ["/threads/istanbul-embassy-talks/feed.xml", "application/atom+xml; charset=utf-8"],
    ["/rss.xml", "application/rss+xml; charset=utf-8"],
    ["/feed.json", "application/feed+json; charset=utf-8"],
    ["/sitemap.xml", "application/xml; charset=utf-8"],
    ["/news-sitemap.xml", "application/xml; charset=utf-8"],
  ])("serves %s as %s", (urlPath, contentType) => {
    expect(headersFor(urlPath)["Content-Type"]).toBe(contentType);
  });
});
