/**
 * Where a crop keeps its subject. Kept apart from settings.ts, which loads sharp, so the
 * content schema can check `photo.focus` without loading the image library.
 */
import { z } from "zod";

/** A side, the centre, or sharp's attention strategy. */
export const FOCUS_VALUES = ["center", "top", "bottom", "left", "right", "attention"] as const;
export type Focus = (typeof FOCUS_VALUES)[number];
export const DEFAULT_FOCUS: Focus = "attention";

/**
 * The front-matter field `photo.focus`, for `lib/schema.ts`.
 *
 * @example
 * photoSchema.extend({ focus: focusSchema.optional() })
 */
export const focusSchema = z.enum(FOCUS_VALUES, {
  error: `must be one of ${FOCUS_VALUES.join(", ")} — where the crops should keep the subject`,
});
