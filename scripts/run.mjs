// `node scripts/run.mjs <script> [args]`: runs scripts/<script>.ts from a bundle made with esbuild,
// in plain Node. Under `node --import tsx` every module of the project and of its packages goes
// through tsx's loader thread: about 1.2 s of each build's start-up. The bundle holds the
// project's own code (packages stay in node_modules) and is made again only when a source file
// changes: it is kept under a digest of every file it can hold.
//
// Plain JavaScript, because it runs before anything can load TypeScript. Source esbuild cannot
// read (a syntax error in a data file) fails in one line naming the file, line and column; if the
// bundle cannot be made for any other reason, the script runs under tsx instead.
import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [name] = process.argv.splice(2, 1);
// The project this launcher belongs to, as it was invoked: a fixture project whose scripts/ is a
// link to the repository's is its own project. The script runs in the working folder, as under tsx.
const root = path.resolve(path.dirname(process.argv[1] ?? "scripts/run.mjs"), "..");
const script = path.join(root, "scripts", `${name}.ts`);
if (!name || !existsSync(script)) {
  const missing = name ? ` (no scripts/${name}.ts)` : "";
  console.error(`usage: node scripts/run.mjs <script> [args], where scripts/<script>.ts exists${missing}`);
  process.exit(2);
}

/** Entry points beside the script: the Eleventy config, and the worker and child the build starts. */
const ENTRIES = {
  "eleventy.config": "eleventy.config.ts",
  "page-worker": "lib/checks/page-worker.ts",
  "encode-child": "lib/pipeline/photos/encode-child.ts",
};
/** Folders whose files the bundle can hold, and the top-level files. */
const SOURCE_FOLDERS = ["lib", "scripts", "_data", "src"];
const SOURCE_FILES = ["eleventy.config.ts", ".htmlvalidate.mjs", "tsconfig.json", "package.json"];
const SOURCE_FILE = /\.(ts|mts|mjs|js|json)$/;
/** Bundles unused this long are removed; a younger one may belong to a build still running. */
const UNUSED_FOR_MS = 24 * 60 * 60 * 1000;

/** Every source file, project-relative, sorted: what the bundle's digest covers. */
function sourceFiles() {
  const files = SOURCE_FILES.filter((file) => existsSync(path.join(root, file)));
  for (const folder of SOURCE_FOLDERS) {
    if (!existsSync(path.join(root, folder))) continue;
    for (const entry of readdirSync(path.join(root, folder), { recursive: true, withFileTypes: true }))
      if (entry.isFile() && SOURCE_FILE.test(entry.name))
        files.push(path.relative(root, path.join(entry.parentPath, entry.name)));
  }
  return files.sort();
}

function digestOf(files, esbuildVersion) {
  const hash = createHash("sha256").update(`${root}\0${name}\0${process.version}\0${esbuildVersion}\0`);
  for (const file of files)
    hash
      .update(`${file}\0`)
      .update(readFileSync(path.join(root, file)))
      .update("\0");
  return hash.digest("hex").slice(0, 32);
}

/**
 * The data modules Eleventy and the checks load by path (lib/shared/source-modules.ts): the
 * bundle's entry imports them and registers them under their paths.
 */
function moduleFiles(files) {
  return files.filter(
    (file) =>
      (file.startsWith(`_data${path.sep}`) && file.endsWith(".ts")) ||
      file.endsWith(".11tydata.ts") ||
      file === ".htmlvalidate.mjs",
  );
}

/**
 * Each source module keeps its own `import.meta.dirname` and `url`: code hashes, cache folders and
 * worker shims are found from where the source is, not from where the bundle is.
 */
const keepImportMeta = {
  name: "keep-import-meta",
  setup(build) {
    build.onLoad({ filter: /\.(ts|mts|mjs|js)$/ }, (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const source = readFileSync(args.path, "utf8");
      const contents = source
        .replaceAll("import.meta.dirname", JSON.stringify(path.dirname(args.path)))
        .replaceAll("import.meta.filename", JSON.stringify(args.path))
        .replaceAll("import.meta.url", JSON.stringify(pathToFileURL(args.path).href));
      return { contents, loader: /\.m?ts$/.test(args.path) ? "ts" : "js" };
    });
  },
};

/**
 * cheerio's main entry also loads undici, encoding-sniffer and whatwg-mimetype for `fromURL`,
 * which Dateline never calls: about 0.25 s of each start, in the build and in each check worker.
 * Dateline uses only `load`, so the bundle takes cheerio's own `load` module (parse5, the same
 * parser) and the rest of cheerio stays unloaded. Where that module is missing, cheerio is imported whole.
 */
const cheerioLoadOnly = {
  name: "cheerio-load-only",
  setup(build) {
    const require = createRequire(path.join(root, "package.json"));
    let loadModule;
    try {
      loadModule = path.join(path.dirname(require.resolve("cheerio/package.json")), "dist/esm/load-parse.js");
    } catch {
      return;
    }
    if (!existsSync(loadModule)) return;
    build.onResolve({ filter: /^cheerio$/ }, () => ({ path: loadModule }));
  },
};

async function makeBundle(esbuild, files, folder) {
  const staging = `${folder}.${process.pid}.tmp`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  // Generated entries: one module registers the data modules (lib/shared/source-modules.ts), and
  // the script and the page worker import it first.
  const modules = moduleFiles(files).map((file) => path.join(root, file));
  const generated = {
    sources: [
      `import { registerSourceModules } from ${JSON.stringify(path.join(root, "lib/shared/source-modules.ts"))};`,
      // Loaded on first use, as under tsx: a data file that throws fails the build, not its start.
      `registerSourceModules({ ${modules.map((file) => `${JSON.stringify(file)}: () => import(${JSON.stringify(file)})`).join(", ")} });`,
    ],
    [name]: [`import "./sources.entry.mjs";`, `await import(${JSON.stringify(script)});`],
    "page-worker": [
      `import "./sources.entry.mjs";`,
      `import ${JSON.stringify(path.join(root, ENTRIES["page-worker"]))};`,
    ],
  };
  for (const [entry, lines] of Object.entries(generated))
    writeFileSync(path.join(staging, `${entry}.entry.mjs`), `${lines.join("\n")}\n`);
  await esbuild.build({
    entryPoints: Object.entries({ ...ENTRIES, ...generated }).map(([out, source]) => ({
      in: Array.isArray(source) ? path.join(staging, `${out}.entry.mjs`) : path.join(root, source),
      out,
    })),
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: `node${process.versions.node.split(".")[0]}`,
    packages: "external",
    outdir: staging,
    outExtension: { ".js": ".mjs" },
    plugins: [keepImportMeta, cheerioLoadOnly],
    logLevel: "silent",
  });
  for (const entry of Object.keys(generated)) rmSync(path.join(staging, `${entry}.entry.mjs`));
  try {
    renameSync(staging, folder);
  } catch (error) {
    // Another build made the same bundle first: theirs is as good.
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(folder)) throw error;
  }
}

/** Removes bundles no run has used for a day (each run touches its own). */
function removeStale(cache, keep) {
  const now = Date.now();
  for (const entry of readdirSync(cache)) {
    const folder = path.join(cache, entry);
    if (folder === keep) continue;
    try {
      if (now - statSync(folder).mtimeMs > UNUSED_FOR_MS) rmSync(folder, { recursive: true, force: true });
    } catch {
      // Removed by another run meanwhile.
    }
  }
}

/** Where bundles are kept: inside the project, so the bundle's imports find its node_modules. */
function bundleCache() {
  const chosen = process.env.DATELINE_BUNDLE_CACHE;
  if (!chosen) return path.join(root, "node_modules/.cache/dateline-bundles");
  const cache = path.resolve(chosen);
  if (path.relative(root, cache).startsWith("..")) {
    console.error(
      `\nBuild failed: DATELINE_BUNDLE_CACHE: ${chosen} is outside the project folder, where the bundle cannot find the packages it imports — set it to a folder inside the project, or unset it\n`,
    );
    process.exit(1);
  }
  return cache;
}

async function bundled() {
  // esbuild itself is loaded only to make a bundle: its version, for the digest, is in its package.json.
  const esbuildVersion = createRequire(path.join(root, "package.json"))("esbuild/package.json").version;
  const files = sourceFiles();
  const cache = bundleCache();
  const folder = path.join(cache, digestOf(files, esbuildVersion));
  if (existsSync(path.join(folder, `${name}.mjs`))) {
    const now = new Date();
    utimesSync(folder, now, now);
  } else {
    mkdirSync(cache, { recursive: true });
    await makeBundle(await import("esbuild"), files, folder);
    removeStale(cache, folder);
  }
  return folder;
}

/** esbuild's own report of source it cannot read: each error with its file, line and column. */
function syntaxErrors(error) {
  const located = (error?.errors ?? []).filter((message) => message.location);
  return located.map(({ text, location }) => {
    const file = path.relative(
      root,
      location.file.startsWith(path.sep) ? location.file : path.join(root, location.file),
    );
    return `${file}:${location.line}:${location.column + 1}: ${text} — fix the file and build again`;
  });
}

let folder;
try {
  folder = await bundled();
} catch (error) {
  const errors = syntaxErrors(error);
  if (errors.length > 0) {
    console.error(`\nBuild failed: ${errors.join("\nBuild failed: ")}\n`);
    process.exit(1);
  }
  // Anything else (no esbuild, a cache folder it cannot write): the sources run under tsx.
  folder = undefined;
}
if (folder) {
  // The worker and child shims load the bundle's entries too (lib/checks/page-worker.mjs).
  process.env.DATELINE_BUNDLE = folder;
  // Eleventy registers a module-resolver hook so that watch mode can import an edited file again;
  // it sends every later import through a loader thread (about 0.35 s of a build). A script run
  // once never imports a file twice.
  process.env.ELEVENTY_SKIP_ESM_RESOLVER ??= "1";
  await import(pathToFileURL(path.join(folder, `${name}.mjs`)).href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import(pathToFileURL(script).href);
}
