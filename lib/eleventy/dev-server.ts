/**
 * The dev server listens on loopback only: it serves drafts and future issues, which must not
 * reach the network a writer's laptop is on. `DATELINE_DEV_HOST=0.0.0.0 npm start` shares it
 * on purpose (README). Eleventy's dev server has no host option and listens with the port alone,
 * which binds every address, so its one listen step is replaced.
 *
 * It also serves each issue's email preview, `…/email.preview.html`: the `email.html` it built,
 * with the images on the site's origin pointed at its own `/photos/…`, so they load before a deploy.
 */
import { readFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import type EleventyDevServer from "@11ty/eleventy-dev-server";
import { EMAIL_PREVIEW_FILES } from "../contract/urls.ts";
import { pointOwnImages } from "../outputs/email/preview.ts";

const PREVIEW = EMAIL_PREVIEW_FILES[0];

/** Where the dev server listens unless DATELINE_DEV_HOST says otherwise. */
const LOOPBACK = "127.0.0.1";

function devServerHost(env: Record<string, string | undefined> = process.env): string {
  const host = env.DATELINE_DEV_HOST?.trim();
  return host === undefined || host === "" ? LOOPBACK : host;
}

function decodedPath(url: string | undefined): string | undefined {
  try {
    return decodeURIComponent(new URL(url ?? "/", "http://localhost").pathname);
  } catch {
    return undefined; // a malformed escape: not a preview
  }
}

/**
 * Serves `<issue>/email.preview.html` from the `email.html` beside it in `outputDir()`; passes
 * every other request on. A path that leaves the output folder is passed on too (a 404).
 */
export function emailPreviewMiddleware(origin: string, outputDir: () => string) {
  return async (request: IncomingMessage, response: ServerResponse, next: () => void): Promise<void> => {
    const pathname = decodedPath(request.url);
    if (pathname === undefined || !pathname.endsWith(`/${PREVIEW}`)) return next();
    const root = path.resolve(outputDir());
    const published = path.join(root, pathname.slice(0, -PREVIEW.length), "email.html");
    if (!published.startsWith(`${root}${path.sep}`)) return next();
    let html: string;
    try {
      html = await readFile(published, "utf8");
    } catch {
      return next();
    }
    response.setHeader("Content-Type", "text/html; charset=utf-8");
    response.end(pointOwnImages(html, origin, (sitePath) => sitePath));
  };
}

export default async function devServerPlugin(
  eleventyConfig: UserConfig,
  options: { origin: string },
): Promise<void> {
  let output = "_site";
  eleventyConfig.on("eleventy.before", ({ directories }) => {
    output = directories.output;
  });
  eleventyConfig.setServerOptions({ middleware: [emailPreviewMiddleware(options.origin, () => output)] });
  // Eleventy waits until a saved file's size has held still for 150 ms before it rebuilds. An
  // editor writes an issue in one go; 50 ms is a tenth of a second sooner on every save.
  eleventyConfig.setChokidarConfig({ awaitWriteFinish: { stabilityThreshold: 50, pollInterval: 10 } });
  // Only the dev server listens (Eleventy sets the mode before it runs plugins): a build does not
  // load the server and its dependencies, about 85 ms of every build's start.
  if (process.env.ELEVENTY_RUN_MODE !== "serve") return;
  const { default: EleventyDevServer } = await import("@11ty/eleventy-dev-server");
  const host = devServerHost();
  // Port retries (a port in use) go through the same step, so they keep the host too.
  EleventyDevServer.prototype._serverListen = function listen(this: EleventyDevServer, port: number) {
    this.server.listen({ port, host });
  };
}
