/**
 * The same plain blog as baseline.ts, for Hugo (Debian's `hugo` package): one layout, a home
 * page listing every post, one page per topic and a feed of the latest 20 with full content.
 * No sitemap, section or 404 pages, which the Eleventy baseline does not make either.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { CorpusFile } from "./corpus.ts";

export const HUGO = "/usr/bin/hugo";
export const HUGO_MISSING = "hugo not found — apt-get install hugo";

/** `hugo v0.111.3+extended …`, or undefined when Hugo is not installed. */
export function hugoVersion(): string | undefined {
  if (!existsSync(HUGO)) return undefined;
  return execFileSync(HUGO, ["version"], { encoding: "utf8" }).trim().split(" ")[1];
}

const CONFIG = `baseURL = "https://baseline.example/"
title = "Baseline"
buildFuture = true
rssLimit = 20
disableKinds = ["sitemap", "section", "taxonomy", "robotsTXT", "404"]
# Only the topic pages are wanted, not the page listing the topics.
ignoreErrors = ["error-disable-taxonomy"]

[taxonomies]
  topic = "topics"

[outputs]
  home = ["HTML", "RSS"]
  term = ["HTML"]

# As Eleventy's markdown-it with html: true.
[markup.goldmark.renderer]
  unsafe = true
`;

const BASE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title | default "Baseline" }}</title>
<link rel="alternate" href="/index.xml" type="application/rss+xml">
</head>
<body>
<header><a href="/">Baseline</a></header>
<main>
{{ block "main" . }}{{ end }}
</main>
</body>
</html>
`;

const SINGLE = `{{ define "main" }}<h1>{{ .Title }}</h1><p>{{ .Params.dek }}</p><p><time datetime="{{ .Date.Format "2006-01-02T15:04:05Z07:00" }}">{{ .Date.Format "2006-01-02T15:04:05Z07:00" }}</time>
{{ range .GetTerms "topics" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}</p>
{{ .Content }}{{ end }}
`;

const HOME = `{{ define "main" }}<ul>
{{- range site.RegularPages.ByDate.Reverse }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2006-01-02T15:04:05Z07:00" }}</time> {{ .Params.dek }}</li>
{{- end }}
</ul>{{ end }}
`;

const TERM = `{{ define "main" }}<h1>Tagged “{{ .Title }}”</h1>
<ul>
{{- range .Pages.ByDate.Reverse }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2006-01-02T15:04:05Z07:00" }}</time></li>
{{- end }}
</ul>{{ end }}
`;

const FEED = `{{ printf "<?xml version=\\"1.0\\" encoding=\\"utf-8\\"?>" | safeHTML }}
<rss version="2.0"><channel>
<title>Baseline</title>
<link>{{ site.BaseURL }}</link>
{{- range first 20 site.RegularPages.ByDate.Reverse }}
<item>
<title>{{ .Title }}</title>
<link>{{ .Permalink }}</link>
<guid>{{ .Permalink }}</guid>
<pubDate>{{ .Date.Format "Mon, 02 Jan 2006 15:04:05 -0700" }}</pubDate>
<description>{{ .Content | html }}</description>
</item>
{{- end }}
</channel></rss>
`;

/** Writes the Hugo project into `dir`; the posts land in `dir/content/posts/<year>/<slug>.md`. */
export function writeHugo(dir: string, files: readonly CorpusFile[]): void {
  const write = (relative: string, text: string) => {
    const target = path.join(dir, relative);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text);
  };
  write("hugo.toml", CONFIG);
  write("layouts/_default/baseof.html", BASE);
  write("layouts/_default/single.html", SINGLE);
  write("layouts/_default/term.html", TERM);
  write("layouts/index.html", HOME);
  write("layouts/index.rss.xml", FEED);
  for (const file of files) write(hugoPath(file), file.text);
}

function hugoPath(file: CorpusFile): string {
  return path.join("content", "posts", file.path.replace(/^src\/issues\//, ""));
}
