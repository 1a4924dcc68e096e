/**
 * Types for index.js, the Netlify cache plugin (Netlify loads plugins as plain JavaScript).
 * Its module exports Netlify event handlers only; the cache work and its types are in caches.js.
 */
import type { CacheHookOptions } from "./caches.js";

export declare function onPreBuild(options?: CacheHookOptions): Promise<void>;
export declare function onPostBuild(options?: CacheHookOptions): Promise<void>;
