/**
 * Types for the parts of Eleventy 3 this project uses. Eleventy ships JSDoc-typed
 * JavaScript, which TypeScript cannot read without `allowJs`; these declarations keep
 * the config boundary typed instead of `any`.
 */
declare module "@11ty/eleventy/UserConfig" {
  /** A page as collections and templates see it. */
  export interface CollectionItem<Data = Record<string, unknown>> {
    inputPath: string;
    fileSlug: string;
    outputPath: string | false;
    url: string;
    date: Date;
    data: Data;
    /** Rendered content, without layout. Reading it from another template orders the build. */
    content: string;
    templateContent: string;
  }

  export interface CollectionApi {
    getAll(): CollectionItem[];
    getAllSorted(): CollectionItem[];
    getFilteredByGlob(glob: string | string[]): CollectionItem[];
    getFilteredByTag(tag: string): CollectionItem[];
  }

  export interface EleventyEventArguments {
    directories: { input: string; includes: string; data: string; output: string };
    runMode: "build" | "watch" | "serve";
    outputMode: "fs" | "json" | "ndjson";
  }

  export interface PageContext {
    page: { inputPath: string; outputPath: string | false; url: string; fileSlug: string };
  }

  type Filter = (this: PageContext, ...args: never[]) => unknown;

  export default class UserConfig {
    dir: { input: string; includes: string; data: string; output: string };
    addPlugin<Options>(plugin: (config: UserConfig, options: Options) => void, options?: Options): void;
    addPlugin(plugin: (config: UserConfig) => void): void;
    addFilter(name: string, filter: Filter): void;
    addAsyncFilter(name: string, filter: (this: PageContext, ...args: never[]) => Promise<unknown>): void;
    addShortcode(name: string, shortcode: (this: PageContext, ...args: never[]) => string): void;
    addCollection(name: string, collection: (api: CollectionApi) => unknown): void;
    addGlobalData(name: string, data: unknown): void;
    addPassthroughCopy(paths: string | Record<string, string>): void;
    addPreprocessor(
      name: string,
      extensions: string,
      callback: (data: Record<string, unknown> & PageContext, content: string) => unknown,
    ): void;
    addTransform(
      name: string,
      transform: (this: PageContext, content: string) => string | Promise<string>,
    ): void;
    /** A template with no file: for a JavaScript template (`*.11ty.js`), `content` is its module. */
    addTemplate(virtualPath: string, content: { data?: unknown; render: (data: never) => unknown }): void;
    addTemplateFormats(formats: string | string[]): void;
    addDataExtension(extensions: string, options: { parser: (path: string) => unknown; read: boolean }): void;
    addWatchTarget(path: string): void;
    /** Globs Eleventy never treats as templates (a Set, relative to the project root). */
    ignores: Set<string>;
    setLibrary(name: "md", library: unknown): void;
    setFrontMatterParsingOptions(options: { engines: Record<string, (source: string) => object> }): void;
    setNunjucksEnvironmentOptions(options: { autoescape?: boolean; throwOnUndefined?: boolean }): void;
    setQuietMode(quiet: boolean): void;
    setDataDeepMerge(deepMerge: boolean): void;
    /** chokidar's options for the watcher (`npm start`). */
    setChokidarConfig(options: {
      awaitWriteFinish?: { stabilityThreshold: number; pollInterval: number };
    }): void;
    /** The dev server's options; `middleware` runs before it serves a file, each `(req, res, next)`. */
    setServerOptions(options: {
      middleware?: ((
        request: import("node:http").IncomingMessage,
        response: import("node:http").ServerResponse,
        next: () => void,
      ) => unknown)[];
    }): void;
    on(
      event: "eleventy.before" | "eleventy.after",
      callback: (args: EleventyEventArguments) => unknown,
    ): void;
    /** Events of this project's own (e.g. the content stage handing its views to the build script). */
    on(event: `dateline.${string}`, callback: (...args: never[]) => unknown): void;
    emit(event: `dateline.${string}`, ...args: unknown[]): Promise<unknown>;
  }
}

declare module "@11ty/eleventy" {
  export default class Eleventy {
    constructor(
      input?: string,
      output?: string,
      options?: { configPath?: string; quietMode?: boolean; runMode?: "build" | "serve" | "watch" },
    );
    write(): Promise<unknown>;
    disableLogger(): void;
    toJSON(): Promise<{ url: string; inputPath: string; outputPath: string; content: string }[]>;
  }
}

declare module "@11ty/eleventy-dev-server" {
  import type { Server } from "node:http";
  /** Eleventy's dev server; only the listen step is used here (lib/eleventy/dev-server.ts). */
  export default class EleventyDevServer {
    get server(): Server;
    _serverListen(port: number): void;
  }
}
