declare module "@11ty/eleventy-plugin-rss" {
  /** Rewrites every URL in `html` against `base` (an absolute URL). */
  export function convertHtmlToAbsoluteUrls(html: string, base: string): Promise<string>;
}
