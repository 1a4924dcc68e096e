/**
 * html-validate with the repository's `.htmlvalidate.mjs`, and nothing else: a static loader,
 * not one that looks for configs beside each page, so what a page gets depends only on its bytes
 * and on this one config, which is what the page cache (cache.ts) is keyed by.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import {
  type ConfigData,
  HtmlValidate,
  type Report,
  type ResolvedConfig,
  StaticConfigLoader,
} from "html-validate";
import { importSourceModule } from "../shared/source-modules.ts";
import { sha256 } from "../shared/store.ts";

/** The project's config (in the working folder, as every command runs), used unless a caller names another. */
export const PROJECT_CONFIG = path.resolve(".htmlvalidate.mjs");

export interface LoadedConfig {
  config: ConfigData;
  /** sha256 of the file's bytes. */
  contentHash: string;
}

/**
 * Imports the config as its bytes are now: the hash in the URL makes an edited file a new
 * module, where a plain `import()` would return the one loaded first.
 */
export async function loadConfig(configPath: string): Promise<LoadedConfig> {
  const contentHash = sha256(readFileSync(configPath));
  const module = (await importSourceModule(configPath, contentHash)) as { default: ConfigData };
  return { config: module.default, contentHash };
}

/**
 * A static loader that resolves its config once. html-validate's own loaders resolve it again
 * for every page (rebuilding and schema-checking the element metadata), about half the cost of
 * validating a small page. The resolved config is read-only during a run (element metadata is
 * handed out as copies), and every page gets the same one here anyway.
 */
class ResolvedOnceConfigLoader extends StaticConfigLoader {
  private resolved: ResolvedConfig | Promise<ResolvedConfig> | undefined;

  override getConfigFor(
    handle: string,
    configOverride?: ConfigData,
  ): ResolvedConfig | Promise<ResolvedConfig> {
    if (configOverride !== undefined) return super.getConfigFor(handle, configOverride);
    this.resolved ??= super.getConfigFor(handle);
    return this.resolved;
  }

  override setConfig(config: ConfigData): void {
    this.resolved = undefined;
    super.setConfig(config);
  }

  override flushCache(): void {
    this.resolved = undefined;
    super.flushCache();
  }
}

export function createValidator(config: ConfigData): HtmlValidate {
  return new HtmlValidate(new ResolvedOnceConfigLoader(config));
}

/** Each html-validate message (errors and warnings) as `line:col rule: message`. */
export function validatorMessages(report: Report): string[] {
  return report.results.flatMap((result) =>
    result.messages.map(
      (message) => `${message.line}:${message.column} ${message.ruleId}: ${message.message}`,
    ),
  );
}
