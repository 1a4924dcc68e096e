/**
 * The baseline: "what a plain Eleventy blog costs" over the same Markdown files. One
 * Nunjucks layout, a home page listing every post, one paginated page per tag (as in
 * eleventy-base-blog) and an Atom feed of the latest 20 from a plain template. No plugins,
 * Eleventy defaults otherwise (Markdown is pre-processed by Liquid).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { CorpusFile } from "./corpus.ts";

/** Plain JS so the baseline pays nothing for TypeScript in its own code. */
const CONFIG = `export default function (eleventyConfig) {
  eleventyConfig.addFilter("isoDate", (value) => new Date(value).toISOString());
  eleventyConfig.addFilter("head", (items, n) => (n < 0 ? items.slice(n) : items.slice(0, n)));
  eleventyConfig.addFilter("tagList", (tags) => (tags || []).filter((tag) => tag !== "all" && tag !== "posts"));
  return { dir: { input: ".", includes: "_includes", output: "_site" } };
}
`;

const LAYOUT = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title or "Baseline" }}</title>
<link rel="alternate" href="/feed.xml" type="application/atom+xml">
</head>
<body>
<header><a href="/">Baseline</a></header>
<main>
{% if date and tags %}<h1>{{ title }}</h1><p>{{ dek }}</p><p><time datetime="{{ page.date | isoDate }}">{{ page.date | isoDate }}</time>
{% for tag in tags | tagList %}<a href="/tags/{{ tag | slugify }}/">{{ tag }}</a> {% endfor %}</p>{% endif %}
{{ content | safe }}
</main>
</body>
</html>
`;

const INDEX = `---
layout: layout.njk
title: Home
---
<ul>
{%- for post in collections.posts | reverse %}
<li><a href="{{ post.url }}">{{ post.data.title }}</a> <time>{{ post.date | isoDate }}</time> {{ post.data.dek }}</li>
{%- endfor %}
</ul>
`;

const TAGS = `---
pagination:
  data: collections
  size: 1
  alias: tag
  filter: ["all", "posts"]
permalink: /tags/{{ tag | slugify }}/
layout: layout.njk
eleventyComputed:
  title: Tagged “{{ tag }}”
---
<h1>Tagged “{{ tag }}”</h1>
<ul>
{%- for post in collections[tag] | reverse %}
<li><a href="{{ post.url }}">{{ post.data.title }}</a> <time>{{ post.date | isoDate }}</time></li>
{%- endfor %}
</ul>
`;

const FEED = `---
permalink: /feed.xml
eleventyExcludeFromCollections: true
---
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Baseline</title>
<link href="https://baseline.example/feed.xml" rel="self"/>
<id>https://baseline.example/</id>
{%- set posts = collections.posts | head(-20) | reverse %}
<updated>{{ posts[0].date | isoDate }}</updated>
{%- for post in posts %}
<entry>
<title>{{ post.data.title }}</title>
<link href="https://baseline.example{{ post.url }}"/>
<id>https://baseline.example{{ post.url }}</id>
<updated>{{ post.date | isoDate }}</updated>
<content type="html">{{ post.content | escape }}</content>
</entry>
{%- endfor %}
</feed>
`;

/**
 * Copies `topics: [...]` to `tags: [...]`, so each topic gets a tag page as on the site.
 * Front matter is the plain-Eleventy way: computed `tags` do not feed collections.
 */
export function withTopicTags(text: string): string {
  return text.replace(/^topics: (\[.*\])$/m, "topics: $1\ntags: $1");
}

/** Writes the baseline project into `dir`; the posts land in `dir/posts/<year>/<slug>.md`. */
export function writeBaseline(dir: string, files: readonly CorpusFile[]): void {
  const write = (relative: string, text: string) => {
    const target = path.join(dir, relative);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text);
  };
  write("eleventy.config.mjs", CONFIG);
  write("_includes/layout.njk", LAYOUT);
  write("index.njk", INDEX);
  write("tags.njk", TAGS);
  write("feed.njk", FEED);
  write("posts/posts.json", `${JSON.stringify({ layout: "layout.njk", tags: ["posts"] })}\n`);
  for (const file of files) {
    write(path.join("posts", file.path.replace(/^src\/issues\//, "")), withTopicTags(file.text));
  }
}
