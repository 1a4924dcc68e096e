/**
 * The email edition of one issue, for the writer: builds its email.html, email.txt and
 * email.eml (drafts and future issues too), prints their paths, the size against Gmail's
 * 102 KB limit and the email checks' results. Exits 1 when a check fails.
 *
 *   npm run email -- src/issues/2025/istanbul-talks.md
 *
 * The files go to node_modules/.cache/dateline-email/ (or --out), never into _site/.
 * Links on the site are checked to be absolute here; `npm run build` also checks they resolve.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import authors from "../_data/authors.ts";
import site from "../_data/site.ts";
import topics from "../_data/topics.ts";
import { EMAIL_SIZE_LIMIT, emailLinkProblems, readEmailFacts } from "../lib/checks/email.ts";
import { formatKb } from "../lib/checks/site.ts";
import { EMAIL_FILES, emailUrl } from "../lib/contract/urls.ts";
import { describePhotoProblem } from "../lib/eleventy/photos.ts";
import { renderEmailEdition } from "../lib/outputs/email/index.ts";
import { loadIssues, readIssueSources, toFocusSources } from "../lib/pipeline/content/content.ts";
import { createMarkdown } from "../lib/pipeline/content/markdown.ts";
import { createPhotoDesk } from "../lib/pipeline/photos/desk.ts";
import { defaultCacheDir } from "../lib/pipeline/photos/index.ts";
import { viewIssue } from "../lib/pipeline/views/issue.ts";
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

  const photos = createPhotoDesk({ photosDir: "assets/photos", cacheDir: defaultCacheDir() });
  const sources = readIssueSources(root, ISSUES_DIR);
  if (!sources.some((source) => source.file === inputPath)) {
    console.error(
      `${inputPath}: no such issue — give the path of a file in ${ISSUES_DIR}/, e.g. ${ISSUES_DIR}/2025/istanbul-talks.md`,
    );
    return 1;
  }
  const photoProblems = await photos.prepare(out, toFocusSources(sources));
  const { issues, problems } = loadIssues({
    sources,
    root,
    issuesDir: ISSUES_DIR,
    photosDir: photos.options.photosDir,
    site,
    authors,
    topics,
    photos: photos.manifest,
  });
  const own = [...photoProblems.map(describePhotoProblem), ...problems].filter(
    (problem) => problem.file === inputPath || problem.field.includes(inputPath),
  );
  const issue = issues.find((candidate) => candidate.inputPath === inputPath);
  if (own.length > 0 || !issue) {
    for (const problem of own) console.error(formatProblem(problem));
    return 1;
  }
  const markdown = createMarkdown({ renderFigure: photos.renderBodyFigure });
  const issueUrls = new Map(issues.map((each) => [each.inputPath, each.url]));
  const view = viewIssue(issue, {
    authors,
    topics,
    renderBody: (body, sourceFile) => markdown.render(body, { sourceFile, issueUrls, issuesDir: ISSUES_DIR }),
  });
  const edition = await renderEmailEdition(view, { site, photos });
  const contents = { "email.html": edition.html, "email.txt": edition.text, "email.eml": edition.eml };
  for (const name of EMAIL_FILES) {
    const target = path.join(out, emailUrl(view.url, name));
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, contents[name]);
    console.log(path.relative(root, target));
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
