/** The site's data files (`_data/*.ts`), loaded by path: what the pipeline's `SiteData` holds. */
import path from "node:path";
import { authorsSchema, siteSchema, topicsSchema } from "../contract/schema.ts";
import { importSourceModule } from "../shared/source-modules.ts";
import type { SiteData } from "./run.ts";

async function loadDefault(root: string, name: string): Promise<unknown> {
  const module = (await importSourceModule(path.join(root, "_data", `${name}.ts`))) as { default?: unknown };
  return module.default;
}

/** `_data/site.ts`, `authors.ts`, `topics.ts` (each checked by its own file), the entity files and threads. */
export async function loadSiteData(root: string): Promise<SiteData> {
  const files = ["site", "authors", "topics", "threads", "people", "places", "organisations"] as const;
  const [site, authors, topics, threads, people, places, organisations] = await Promise.all(
    files.map((name) => loadDefault(root, name)),
  );
  return {
    // Each file checked itself when it loaded; parsing again gives the types without a cast.
    site: siteSchema.parse(site),
    authors: authorsSchema.parse(authors),
    topics: topicsSchema.parse(topics),
    threads,
    entities: { people, places, organisations },
  };
}
