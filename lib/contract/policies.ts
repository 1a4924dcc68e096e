/**
 * The publisher's policies (`policies` in _data/site.ts): each a page path on the site, and the
 * schema.org property of `NewsMediaOrganization` that links it, so search engines and readers find
 * who we are and how we work. The site checks prove every path resolves (lib/checks/policies.ts).
 */
import { z } from "zod";

/** Each policy the site may link, with its schema.org property. */
export const POLICY_PROPERTIES = {
  corrections: "correctionsPolicy",
  publishingPrinciples: "publishingPrinciples",
  masthead: "masthead",
  ethics: "ethicsPolicy",
  diversity: "diversityPolicy",
  unnamedSources: "unnamedSourcesPolicy",
  verification: "verificationFactCheckingPolicy",
  feedback: "actionableFeedbackPolicy",
  ownership: "ownershipFundingInfo",
} as const;

export type PolicyName = keyof typeof POLICY_PROPERTIES;

const sitePath = z
  .string({ error: "must be a page path on the site, e.g. /about/#ethics" })
  .regex(/^\/(?!\/)[^\s]*$/, {
    error: "must be a page path on the site, starting with one /, e.g. /about/#ethics",
  });

export const policiesSchema = z
  .object({
    /** The corrections policy: required once any policy is set. */
    corrections: sitePath,
    publishingPrinciples: sitePath.optional(),
    /** Who runs the publication: the masthead page. */
    masthead: sitePath.optional(),
    ethics: sitePath.optional(),
    diversity: sitePath.optional(),
    /** When a source may go unnamed; "How we reported this" links it. */
    unnamedSources: sitePath.optional(),
    verification: sitePath.optional(),
    /** How readers reach the editors. */
    feedback: sitePath.optional(),
    /** Who owns and funds the publication. */
    ownership: sitePath.optional(),
  })
  .strict();

export type Policies = z.infer<typeof policiesSchema>;

/** The policies a site sets, as `[name, path]` in the table's order. */
export function policyEntries(policies: Policies | undefined): [PolicyName, string][] {
  if (!policies) return [];
  return (Object.keys(POLICY_PROPERTIES) as PolicyName[]).flatMap((name) => {
    const path = policies[name];
    return path === undefined ? [] : [[name, path] as [PolicyName, string]];
  });
}
