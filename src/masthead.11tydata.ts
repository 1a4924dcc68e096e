/** The masthead page's address, from the one table of site paths (it is prose, so its front matter cannot say it). */
import { PAGE_PATHS } from "../lib/contract/urls.ts";

export default { permalink: PAGE_PATHS.masthead };
