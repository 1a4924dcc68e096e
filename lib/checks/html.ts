/**
 * html-validate with the repository's `.htmlvalidate.mjs`, and nothing else: a static loader,
 * not one that looks for configs beside each page, so what a page gets depends only on its bytes
 * and on this one config, which is what the page cache (cache.ts) is keyed by.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { type ConfigData, HtmlValidate, type Report, StaticConfigLoader } from "html-validate";
import { sha256 } from "./cache.ts";

/** The repository's config, used unless a caller names another. */
export const REPO_CONFIG = path.resolve(import.meta.dirname, "../../.htmlvalidate.mjs");

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
  const module = (await import(`${pathToFileURL(configPath).href}?v=${contentHash}`)) as {
    default: ConfigData;
  };
  return { config: module.default, contentHash };
}

export function createValidator(config: ConfigData): HtmlValidate {
  return new HtmlValidate(new StaticConfigLoader(config));
}

/** Each html-validate message (errors and warnings) as `line:col rule: message`. */
export function validatorMessages(report: Report): string[] {
  return report.results.flatMap((result) =>
    result.messages.map(
      (message) => `${message.line}:${message.column} ${message.ruleId}: ${message.message}`,
    ),
  );
}
