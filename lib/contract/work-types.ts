/**
 * The types of work an issue can be (`type:` in front matter, `defaultType` in _data/site.ts):
 * the label readers see beside the kicker, its one-line definition on the about page, and the
 * schema.org type search engines read. One module knows them; pages, cards, the email edition
 * and the JSON-LD all take them from the issue's view.
 */
import { nearestId } from "../shared/suggest.ts";

interface WorkTypeSpec {
  /** What readers see beside the kicker. */
  label: string;
  /** One line on the about page, which the label links to. */
  definition: string;
  /** The schema.org type of the article (a NewsArticle or one of its subtypes). */
  schemaType:
    | "NewsArticle"
    | "AnalysisNewsArticle"
    | "OpinionNewsArticle"
    | "BackgroundNewsArticle"
    | "ReviewNewsArticle";
}

export const WORK_TYPES = {
  news: {
    label: "News",
    definition: "Reporting of facts we have seen, heard or verified, with their sources.",
    schemaType: "NewsArticle",
  },
  analysis: {
    label: "Analysis",
    definition:
      "Interpretation of the news by the writer, based on reported facts and the writer’s knowledge of the subject.",
    schemaType: "AnalysisNewsArticle",
  },
  opinion: {
    label: "Opinion",
    definition: "The writer’s own argument and conclusions, not the publication’s reporting.",
    schemaType: "OpinionNewsArticle",
  },
  explainer: {
    label: "Explainer",
    definition: "Background and context that help readers understand a story, rather than new reporting.",
    schemaType: "BackgroundNewsArticle",
  },
  review: {
    label: "Review",
    definition: "The writer’s assessment of a book, film, report or event.",
    schemaType: "ReviewNewsArticle",
  },
  briefing: {
    label: "Briefing",
    definition: "A short summary of several developments, each told as news.",
    schemaType: "NewsArticle",
  },
} as const satisfies Record<string, WorkTypeSpec>;

export type WorkType = keyof typeof WORK_TYPES;

/** The schema.org types an issue's JSON-LD can have. */
export type ArticleSchemaType = (typeof WORK_TYPES)[WorkType]["schemaType"];

/** The types in the order the about page lists them. */
export const WORK_TYPE_IDS = Object.keys(WORK_TYPES) as [WorkType, ...WorkType[]];

/** The type an issue without `type:` gets unless the site sets `defaultType`. */
export const DEFAULT_WORK_TYPE: WorkType = "news";

/**
 * The message for a `type:` (or `defaultType`) that is not one of the types: a did-you-mean when
 * one is close, and always the list.
 * @example unknownWorkTypeMessage("anaylsis") // '"anaylsis" is not a type of work — did you mean "analysis"? Or use one of: news, …'
 */
export function unknownWorkTypeMessage(input: unknown): string {
  const list = `use one of: ${WORK_TYPE_IDS.join(", ")}`;
  if (typeof input !== "string") return `must be one type of work as text — ${list}`;
  const near = nearestId(input, WORK_TYPE_IDS);
  return `"${input}" is not a type of work — ${near ? `did you mean "${near}"? Or ` : ""}${list}`;
}
