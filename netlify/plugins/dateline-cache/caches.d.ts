/** Types for caches.js, the work behind the Netlify cache plugin (Netlify loads plugins as plain JavaScript). */

/** The part of Netlify's hook arguments the plugin reads. */
export interface CacheHookOptions {
  constants?: { CACHE_DIR?: string };
  netlifyConfig?: { build?: { base?: string } };
}

export interface RestoreReport {
  restored: string[];
  cold: string[];
  problems: string[];
}

export interface SaveReport {
  saved: string[];
  missing: string[];
  problems: string[];
}

export declare const CACHE_FOLDERS: readonly string[];
export declare function restoreCaches(options?: CacheHookOptions): Promise<RestoreReport>;
export declare function saveCaches(options?: CacheHookOptions): Promise<SaveReport>;
