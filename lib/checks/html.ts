/**
 * Every page through html-validate with the repository's `.htmlvalidate.mjs`. The loader looks
 * for a config beside and above each page; a site copied outside the repository (tests, CI
 * artefacts) finds none, so the repository's config is also the global fallback.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { type ConfigData, FileSystemConfigLoader, HtmlValidate } from "html-validate";
import { type BuiltSite, type CheckProblem, htmlFiles } from "./site.ts";

const REPO_CONFIG = path.resolve(import.meta.dirname, "../../.htmlvalidate.mjs");

let validator: Promise<HtmlValidate> | undefined;

/** One validator per process: loading the config and the element metadata is the slow part. */
function getValidator(): Promise<HtmlValidate> {
  validator ??= import(pathToFileURL(REPO_CONFIG).href).then((module: { default: ConfigData }) => {
    return new HtmlValidate(new FileSystemConfigLoader(module.default));
  });
  return validator;
}

/** Each html-validate message (errors and warnings) as `page: line:col rule: message`. */
export async function checkHtml(site: BuiltSite): Promise<CheckProblem[]> {
  const html = await getValidator();
  const reports = await Promise.all(
    htmlFiles(site).map(async (file) => ({
      file,
      report: await html.validateString(site.read(file), path.join(site.dir, file)),
    })),
  );
  return reports.flatMap(({ file, report }) =>
    report.results.flatMap((result) =>
      result.messages.map((message) => ({
        file,
        message: `${message.line}:${message.column} ${message.ruleId}: ${message.message}`,
      })),
    ),
  );
}
