/**
 * The dev server listens on loopback only: it serves drafts and future issues, which must not
 * reach the network a writer's laptop is on. `DATELINE_DEV_HOST=0.0.0.0 npm start` shares it
 * on purpose (README). Eleventy's dev server has no host option and listens with the port alone,
 * which binds every address, so its one listen step is replaced.
 */
import type UserConfig from "@11ty/eleventy/UserConfig";
import EleventyDevServer from "@11ty/eleventy-dev-server";

/** Where the dev server listens unless DATELINE_DEV_HOST says otherwise. */
const LOOPBACK = "127.0.0.1";

function devServerHost(env: Record<string, string | undefined> = process.env): string {
  const host = env.DATELINE_DEV_HOST?.trim();
  return host === undefined || host === "" ? LOOPBACK : host;
}

export default function devServerPlugin(_eleventyConfig: UserConfig): void {
  const host = devServerHost();
  // Port retries (a port in use) go through the same step, so they keep the host too.
  EleventyDevServer.prototype._serverListen = function listen(this: EleventyDevServer, port: number) {
    this.server.listen({ port, host });
  };
}
