// html-validate settings for every built page (npm run check, the build and the tests).
// It imports TypeScript (the schema and the site data), so it loads under `node --import tsx`,
// as every consumer in this repository runs.
import { load } from "cheerio";
import { Rule } from "html-validate";
import site from "./_data/site.ts";
import { issueFrontMatterSchema } from "./lib/contract/schema.ts";

/** What base.njk puts between the headline and the site title in `<title>`. */
const TITLE_SEPARATOR = " · ";

/** The longest headline the schema accepts, plus the suffix base.njk adds: no valid issue fails. */
const maxTitleLength =
  (issueFrontMatterSchema.shape.title.maxLength ?? 140) + TITLE_SEPARATOR.length + site.title.length;

/**
 * html-validate's own `long-title` counts the title's source, so `&` (written `&amp;`) counts
 * five times. Readers and search engines see the decoded text: count that.
 */
class TitleTextLength extends Rule {
  static schema() {
    return { maxlength: { type: "number" } };
  }

  documentation() {
    return {
      description: "Search engines truncate long titles; the limit counts the text a reader sees.",
      url: "https://html-validate.org/rules/long-title.html",
    };
  }

  setup() {
    this.on("tag:end", (event) => {
      const node = event.previous;
      if (node?.tagName !== "title") return;
      const source = node.textContent;
      // The title is escapable raw text: parsed inside a <title>, entities decode as a browser does.
      // Only a character reference, CR or NUL makes the text differ from its source, so most pages
      // skip the parse.
      const text = /[&\r\0]/.test(source) ? load(`<title>${source}</title>`)("title").text() : source;
      const { maxlength } = this.options;
      if (text.length > maxlength) {
        this.report(node, `title text cannot be longer than ${maxlength} characters`);
      }
    });
  }
}

export default {
  extends: ["html-validate:recommended", "html-validate:document"],
  plugins: [{ name: "dateline", rules: { "dateline/long-title": TitleTextLength } }],
  rules: {
    "long-title": "off",
    "dateline/long-title": ["error", { maxlength: maxTitleLength }],
  },
};
