/** The web body rewritten for email: only the site's own images go out. */
import { describe, expect, it } from "vitest";
import { toEmailBody } from "../../../lib/outputs/email/body.ts";

const PAGE = "https://dateline.example/2025/04/talks/";

describe("toEmailBody", () => {
  it.each([
    [
      '<p>Map <img src="https://tracker.example/p.gif" width="1" height="1" alt=""> here.</p>',
      "<p>Map  here.</p>",
    ],
    [
      '<p><img src="https://cdn.example/chart.png" alt="A chart of the talks"></p>',
      "<p><span>[A chart of the talks]</span></p>",
    ],
    ['<p><img src="//cdn.example/x.png" alt="X"></p>', "<p><span>[X]</span></p>"],
    ['<p><img src="data:image/gif;base64,R0lGOD" alt=""></p>', "<p></p>"],
  ])("leaves out an image on another host: %s", (html, email) => {
    expect(toEmailBody(html, PAGE).html).toBe(email);
  });

  it("keeps the site's own images, made absolute", () => {
    const { html } = toEmailBody('<p><img src="/photos/2025/a-1200.1a2b3c4d.jpg" alt="Delegates"></p>', PAGE);
    expect(html).toContain('src="https://dateline.example/photos/2025/a-1200.1a2b3c4d.jpg"');
  });
});
