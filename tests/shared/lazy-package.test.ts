import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { lazyPackage } from "../../lib/shared/lazy-package.ts";

const requirePackage = createRequire(import.meta.url);

describe("lazyPackage", () => {
  it("gives the package's own module, the one require would", () => {
    const loadJuice = lazyPackage<typeof import("juice")>("juice");
    expect(loadJuice()).toBe(requirePackage("juice"));
    expect(loadJuice().inlineContent("<p>x</p>", "p { color: red }")).toBe('<p style="color: red;">x</p>');
  });

  it("loads an ES module package too (caniemail is ESM only)", () => {
    const loadCaniemail = lazyPackage<typeof import("caniemail")>("caniemail");
    expect(typeof loadCaniemail().caniemail).toBe("function");
  });

  it("returns the same module on every call", () => {
    const load = lazyPackage<typeof import("sanitize-html")>("sanitize-html");
    expect(load()).toBe(load());
  });

  it("names the missing package when it is first used, not when it is declared", () => {
    const load = lazyPackage<unknown>("no-such-package-dateline");
    expect(load).toThrow(/Cannot find module 'no-such-package-dateline'/);
  });
});
