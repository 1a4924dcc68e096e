/**
 * The shape of what the checks know about one HTML page (see page-facts.ts, which reads them),
 * kept apart so the per-concern readers can share the types without importing the reader.
 */
import { z } from "zod";

const referenceSchema = z.object({
  value: z.string(),
  /** E.g. `<a href="/x/">` or `<img srcset> candidate "/x.jpg"`. */
  label: z.string(),
});

/** One NewsArticle's own problems, and the same-origin URLs it promises (checked across pages). */
const articleFactsSchema = z.object({
  problems: z.array(z.string()),
  linked: z.array(z.tuple([z.string(), z.string()])),
});

/** One `application/ld+json` block: its parse error, or its NewsArticles. */
const jsonLdBlockSchema = z.union([
  z.object({ error: z.string() }),
  z.object({ articles: z.array(articleFactsSchema) }),
]);

export const pageFactsSchema = z.object({
  /** The page's size in bytes. */
  bytes: z.number(),
  /** html-validate's messages, as `line:col rule: message`. */
  html: z.array(z.string()),
  /** `<link rel="canonical">` href, for finding the site's origin. */
  canonical: z.string().optional(),
  /** `<base href>`, which relative references resolve against. */
  base: z.string().optional(),
  references: z.array(referenceSchema),
  /** Every `id`, and `name` on `<a>`: what a `#fragment` can point at. */
  anchors: z.array(z.string()),
  jsonLd: z.array(jsonLdBlockSchema),
  /** Whether the page carries a NewsArticle (it is an issue page). */
  isIssue: z.boolean(),
  /** The lead photo URL the budget viewport downloads, if the page has one. */
  leadImage: z.string().optional(),
  /** Bytes of the issue body (`.issue__body`), if the page has one. */
  bodyBytes: z.number().optional(),
  /** Scripts that run: `inline <script>`, `<script src="…">`, `onclick handler on <a>`. */
  scripts: z.array(z.string()),
});

export type Reference = z.infer<typeof referenceSchema>;
export type JsonLdBlock = z.infer<typeof jsonLdBlockSchema>;
export type PageFacts = z.infer<typeof pageFactsSchema>;
