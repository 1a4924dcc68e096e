/**
 * A Markdown table in an issue: its header cells say they head columns, so screen readers can
 * read the table and the email checks pass it (they require a scope on every <th>).
 */
import { describe, expect, it } from "vitest";
import { readEmailFileFacts } from "../../lib/checks/email.ts";
import { renderEmailEdition } from "../../lib/outputs/email/index.ts";
import { createMarkdown } from "../../lib/pipeline/content/markdown.ts";
import { fixtureContext, fixtureView } from "./fixture-view.ts";

const TABLE =
  "The two delegations.\n\n| Side | Led by |\n|---|---|\n| Russia | Alexander Darchiev |\n| United States | Sonata Coulter |\n";

describe("a Markdown table", () => {
  it('gives the web page\'s header cells scope="col"', () => {
    const html = createMarkdown().render(TABLE);
    expect(html).toContain('<th scope="col">Side</th>');
    expect(html).toContain('<th scope="col">Led by</th>');
  });

  it("passes the email checks in the email edition", async () => {
    const view = { ...fixtureView(), content: createMarkdown().render(TABLE) };
    const edition = await renderEmailEdition(view, fixtureContext());
    expect(edition.html).toMatch(/<th[^>]* scope="col"/);
    const scope = (problems: string[]) => problems.filter((problem) => /scope/.test(problem));
    expect(scope(readEmailFileFacts(edition.html, edition.text).problems)).toEqual([]);
    // Without the scope the same email fails: the check is real.
    const bare = edition.html.replace(/ scope="col"/g, "");
    expect(scope(readEmailFileFacts(bare, edition.text).problems)).not.toEqual([]);
  });
});
