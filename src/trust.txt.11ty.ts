/** /trust.txt: the JournalList trust.txt file, from `trust` and the ethics policy in _data/site.ts. */
import type { Site } from "../lib/contract/schema.ts";
import { renderTrustTxt } from "../lib/contract/trust.ts";
import { PAGE_PATHS } from "../lib/contract/urls.ts";
import { absoluteUrl } from "../lib/outputs/filters/absolute-url.ts";

export const data = { permalink: PAGE_PATHS.trustTxt, eleventyExcludeFromCollections: true };

export const render = ({ site }: { site: Site }): string =>
  renderTrustTxt(
    site.trust,
    site,
    site.policies?.ethics === undefined ? undefined : absoluteUrl(site.policies.ethics, site.url),
  );
