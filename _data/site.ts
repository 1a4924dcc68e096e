/**
 * Site metadata, checked against lib/schema.ts when the build starts.
 * On Netlify the production URL comes from the URL variable; deploy previews keep the
 * production canonical URL and are marked noindex (DESIGN.md §3).
 */
import { readSite } from "../lib/contract/site.ts";

export default readSite(
  {
    title: "Dateline",
    description: "A foreign-affairs newsletter: diplomacy, conflict and the people who negotiate them.",
    url: "https://dateline.example",
    language: "en-GB",
    timeZone: "Europe/Istanbul",
    publisher: { name: "Dateline", logo: "/assets/logo.png" },
    card: { src: "site/dateline-card.jpg", alt: "The word Dateline on a dark red panel" },
    pageSize: 10,
    // Issues carry `number:` ("No. 42"), checked for repeats and gaps; new-issue fills in the next.
    numberedIssues: true,
    // Linked from the publisher's JSON-LD (correctionsPolicy, ethicsPolicy, masthead…: lib/contract/policies.ts).
    // Each must resolve on the built site (the checks fail naming the setting otherwise).
    policies: {
      corrections: "/about/#corrections",
      publishingPrinciples: "/about/#principles",
      masthead: "/masthead/",
      ethics: "/about/#ethics",
      diversity: "/about/#diversity",
      unnamedSources: "/about/#unnamed-sources",
      verification: "/about/#verification",
      feedback: "/about/#feedback",
      ownership: "/about/#ownership",
    },
    feedSize: 20,
    // /trust.txt (JournalList): the contact page, and whether the content may train AI models.
    // A real site adds its social accounts and the groups it belongs to (README, Standards).
    trust: {
      contact: ["/about/#feedback"],
      datatrainingallowed: false,
    },
    // The email edition's service: "buttondown", "mailchimp" or "kit" (README, "Connect an email
    // service"). Unset, each edition's footer tells readers how to follow by feed.
    email: {},
  },
  process.env,
);
