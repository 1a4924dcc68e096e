/**
 * The email edition of one issue, for the writer: builds its email.html, email.txt and
 * email.eml (drafts and future issues too), and a preview whose photos load from this machine
 * (email.preview.html, and email.preview.eml with the photos inside it), prints their paths, the
 * size against Gmail's 102 KB limit and the email checks' results. Exits 1 when a check fails.
 *
 *   npm run email -- src/issues/2025/istanbul-talks.md
 *
 * The files go to node_modules/.cache/dateline-email/ (or --out), never into _site/.
 * Links on the site are checked to be absolute here; `npm run build` also checks they resolve.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { EMAIL_SIZE_LIMIT, emailLinkProblems, readEmailFacts } from "../lib/checks/email.ts";
import { formatKb } from "../lib/checks/site.ts";
import { EMAIL_FILES, EMAIL_PREVIEW_FILES, emailUrl } from "../lib/contract/urls.ts";
import { renderEmailEdition } from "../lib/outputs/email/index.ts";
import { pointOwnImages, renderPreviewMessage } from "../lib/outputs/email/preview.ts";
import { createMarkdown } from "../lib/pipeline/content/markdown.ts";
import { readIssueSources } from "../lib/pipeline/content/read.ts";
import { createPhotoDesk } from "../lib/pipeline/photos/desk.ts";
import { defaultCacheDir } from "../lib/pipeline/photos/index.ts";
import { runPipeline } from "../lib/pipeline/run.ts";
import { loadSiteData } from "../lib/pipeline/site-data.ts";
import { buildTime } from "../lib/shared/dates.ts";
import { formatProblem } from "../lib/shared/problems.ts";

const USAGE =
  "usage: npm run email -- src/issues/<year>/<slug>.md [--out node_modules/.cache/dateline-email]";
const ISSUES_DIR = "src/issues";

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: "string", default: "node_modules/.cache/dateline-email" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const file = positionals[0];
  if (positionals.length !== 1 || file === undefined) {
    console.error(USAGE);
    return 2;
  }
  const root = process.cwd();
  const inputPath = path.relative(root, path.resolve(file)).split(path.sep).join("/");
  const out = path.resolve(values.out);

  const sources = readIssueSources(root, ISSUES_DIR);
  if (!sources.some((source) => source.file === inputPath)) {
    console.error(
      `${inputPath}: no such issue — give the path of a file in ${ISSUES_DIR}/, e.g. ${ISSUES_DIR}/2025/istanbul-talks.md`,
    );
    return 1;
  }
  // The build's own pipeline, drafts and future issues included: the same view, so the same email.
  const photos = createPhotoDesk({ photosDir: "assets/photos", cacheDir: defaultCacheDir() });
  const data = await loadSiteData(root);
  const { site } = data;
  const result = await runPipeline({
    root,
    issuesDir: ISSUES_DIR,
    mode: "preview",
    now: buildTime(),
    data,
    photos,
    markdown: createMarkdown({ renderFigure: photos.renderBodyFigure }),
    output: out,
    viewsDespiteProblems: true,
  });
  const own = result.problems.filter(
    (problem) => problem.file === inputPath || problem.field.includes(inputPath),
  );
  const view = result.views?.issues.find((candidate) => candidate.inputPath === inputPath);
  if (own.length > 0 || !view) {
    for (const problem of own) console.error(formatProblem(problem));
    return 1;
  }
  const edition = await renderEmailEdition(view, { site });
  const contents = { "email.html": edition.html, "email.txt": edition.text, "email.eml": edition.eml };
  for (const name of EMAIL_FILES) {
    const target = path.join(out, emailUrl(view.url, name));
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, contents[name]);
    console.log(path.relative(root, target));
  }
  // The preview: the photos the pipeline just published into `out` instead of the live site's.
  const localFile = (sitePath: string) => {
    const file = path.join(out, ...sitePath.split("/"));
    return existsSync(file) ? file : undefined;
  };
  const previewHtml = path.join(out, emailUrl(view.url, "email.preview.html"));
  const previews = {
    "email.preview.html": pointOwnImages(edition.html, site.url, (sitePath) => {
      const file = localFile(sitePath);
      return file
        ? path.relative(path.dirname(previewHtml), file).split(path.sep).join("/")
        : `${site.url}${sitePath}`;
    }),
    "email.preview.eml": await renderPreviewMessage(edition.message, localFile),
  };
  for (const name of EMAIL_PREVIEW_FILES) {
    const target = path.join(out, emailUrl(view.url, name));
    writeFileSync(target, previews[name]);
    console.log(`${path.relative(root, target)} (preview: its photos load from this machine)`);
  }
  const bytes = Buffer.byteLength(edition.html);
  console.log(
    `email.html: ${formatKb(bytes)} of ${formatKb(EMAIL_SIZE_LIMIT)} (${Math.round((bytes / EMAIL_SIZE_LIMIT) * 100)} %)`,
  );
  const facts = readEmailFacts(edition.html, edition.text, edition.view.webUrl);
  const found = [
    ...facts.problems,
    // Without a built site, a link passes when it is absolute; the build checks it resolves.
    ...emailLinkProblems({ origin: site.url, resolve: () => "external" }, facts, () => undefined),
  ];
  for (const message of found) console.log(`${inputPath}: email: ${message}`);
  console.log(
    found.length === 0
      ? "email checks: 0 problems"
      : `email checks: ${found.length} problem${found.length === 1 ? "" : "s"}`,
  );
  return found.length === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  },
);
