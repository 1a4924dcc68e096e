import { describe, expect, it } from "vitest";
import { type PhotoEntry, pickRendition } from "../../lib/contract/photo-manifest.ts";
import { absolutePhotoUrl } from "../../lib/contract/urls.ts";
import { photoManifestSchema, renderFeedImage, renderPicture } from "../../lib/pipeline/photos/index.ts";

const widths = [480, 800, 1200, 1600];
const rendition = (format: "avif" | "webp" | "jpeg", width: number) => ({
  format,
  width,
  height: Math.round((width * 9) / 16),
  path: `/photos/2025/talks-${width}.0000000${widths.indexOf(width)}.${format === "jpeg" ? "jpg" : format}`,
  bytes: 1000 + width,
});
const crop = (width: number, height: number, name: string) => ({
  format: "jpeg" as const,
  width,
  height,
  path: `/photos/2025/talks-${name}.00000000.jpg`,
  bytes: 5000,
});

const entry: PhotoEntry = {
  src: "2025/talks.jpg",
  hash: "a".repeat(64),
  format: "jpeg",
  width: 1600,
  height: 900,
  bytes: 400_000,
  focus: "attention",
  meta: { credit: "REUTERS/Umit Bektas" },
  // Deliberately out of order: the markup sorts by width.
  renditions: (["avif", "webp", "jpeg"] as const).flatMap((format) =>
    [...widths].reverse().map((width) => rendition(format, width)),
  ),
  crops: {
    og: crop(1200, 630, "og"),
    "16x9": crop(1600, 900, "16x9"),
    "4x3": crop(1200, 900, "4x3"),
    "1x1": crop(900, 900, "1x1"),
  },
  placeholder: { color: "#336699", dataUri: "data:image/jpeg;base64,AAAA" },
};

describe("renderPicture", () => {
  it("is a valid manifest entry", () => {
    expect(photoManifestSchema.safeParse({ version: 1, photos: { [entry.src]: entry } }).success).toBe(true);
  });

  it("lists AVIF, then WebP, then a JPEG img, each srcset by ascending width", () => {
    const html = renderPicture(entry, { alt: "Delegates at a table", sizes: "100vw", loading: "lazy" });
    const srcset = (ext: string) =>
      widths.map((w) => `/photos/2025/talks-${w}.0000000${widths.indexOf(w)}.${ext} ${w}w`).join(", ");
    expect(html).toBe(
      "<picture>" +
        `<source type="image/avif" srcset="${srcset("avif")}" sizes="100vw">` +
        `<source type="image/webp" srcset="${srcset("webp")}" sizes="100vw">` +
        `<img src="/photos/2025/talks-1200.00000002.jpg" srcset="${srcset("jpg")}" sizes="100vw" ` +
        'width="1200" height="675" alt="Delegates at a table" loading="lazy" decoding="async">' +
        "</picture>",
    );
  });

  it("marks the lead photo eager with high fetch priority, and adds a class", () => {
    const html = renderPicture(entry, {
      alt: "A",
      sizes: "(min-width: 60rem) 44rem, 100vw",
      loading: "eager",
      fetchpriority: "high",
      className: "lead-photo",
    });
    expect(html).toContain('loading="eager" decoding="async" fetchpriority="high" class="lead-photo"');
    expect(html).toContain('sizes="(min-width: 60rem) 44rem, 100vw"');
    expect(html).not.toContain("style=");
  });

  it("escapes everything it writes", () => {
    const html = renderPicture(entry, { alt: `"Talks" <b>& more</b>`, sizes: `"x"`, loading: "lazy" });
    expect(html).toContain('alt="&#34;Talks&#34; &#60;b&#62;&#38; more&#60;/b&#62;"');
    expect(html).toContain('sizes="&#34;x&#34;"');
  });

  it("falls back to the largest JPEG when there is no 1200 px one", () => {
    const small = { ...entry, renditions: entry.renditions.filter((r) => r.width <= 800) };
    expect(pickRendition(small, "jpeg").width).toBe(800);
    expect(renderPicture(small, { alt: "A", sizes: "100vw", loading: "lazy" })).toContain(
      'src="/photos/2025/talks-800.00000001.jpg"',
    );
  });
});

describe("renderFeedImage", () => {
  it("is one JPEG img with an absolute URL, its size and alt text", () => {
    expect(renderFeedImage(entry, "https://dateline.example/", "Delegates & aides")).toBe(
      '<img src="https://dateline.example/photos/2025/talks-1200.00000002.jpg" width="1200" height="675" alt="Delegates &#38; aides">',
    );
  });

  it("joins the origin and path with one slash", () => {
    expect(absolutePhotoUrl("/photos/a.jpg", "https://dateline.example")).toBe(
      "https://dateline.example/photos/a.jpg",
    );
  });
});
