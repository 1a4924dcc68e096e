/**
 * The about page's address, from the one table of site paths (it is prose, so its front matter
 * cannot say it), and the types of work it defines (lib/contract/work-types.ts): Nunjucks runs
 * before Markdown here, so the list is written from the one table the labels come from.
 */
import { PAGE_PATHS } from "../lib/contract/urls.ts";
import { WORK_TYPE_IDS, WORK_TYPES } from "../lib/contract/work-types.ts";

export default {
  permalink: PAGE_PATHS.about,
  templateEngineOverride: "njk,md",
  workTypes: WORK_TYPE_IDS.map((id) => ({ id, ...WORK_TYPES[id] })),
};
