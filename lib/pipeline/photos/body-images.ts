/**
 * The images a body shows from assets/photos, found without parsing the Markdown: the photo
 * stage needs their sources before the content stage renders anything.
 */

/** A body image, `![alt](src "caption")`, as the writer wrote it. */
export interface BodyImage {
  src: string;
  alt: string;
  caption?: string;
}

/** Body images that point into assets/photos (not absolute or external URLs). */
export function bodyImages(body: string): BodyImage[] {
  const images: BodyImage[] = [];
  for (const match of body.matchAll(/!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+"([^"]*)")?\s*\)/g)) {
    const [, alt = "", src, caption] = match;
    if (src && !/^(?:[a-z]+:|\/)/i.test(src)) images.push({ src, alt, ...(caption ? { caption } : {}) });
  }
  return images;
}

/** Sources of body images that point into assets/photos. */
export function bodyImageSources(body: string): string[] {
  return bodyImages(body).map((image) => image.src);
}
