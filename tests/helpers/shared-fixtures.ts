/**
 * Fixture sites that many test files read: vitest's global set-up (shared-fixtures-setup.ts)
 * builds each once per run and hands its folder to every file through `provide`/`inject`, in
 * place of one `npm run build` per file. A file reads the shared site as it is, or works on its
 * own copy (`copyFixtureSite`) when it edits or rebuilds.
 */
import { inject } from "vitest";
import { FIXTURE_EPOCH, fixtureIssues } from "../fixtures/sample-issues.ts";
import {
  type BuiltFixture,
  copyFixtureSite,
  type FixtureOptions,
  type FixtureSite,
  sharedFixtureSite,
} from "./fixture-site.ts";

/** The shared fixtures by name: what each is built from. */
export const SHARED_FIXTURES = {
  /** tests/fixtures/sample-issues.ts at its epoch: four published issues, a draft and a future one. */
  standard: { issues: fixtureIssues, epoch: FIXTURE_EPOCH },
} satisfies Record<string, FixtureOptions>;

export type SharedFixtureName = keyof typeof SHARED_FIXTURES;

declare module "vitest" {
  export interface ProvidedContext {
    sharedFixtures: Record<SharedFixtureName, BuiltFixture>;
  }
}

function builtFixture(name: SharedFixtureName): BuiltFixture {
  const built = inject("sharedFixtures")?.[name];
  if (!built)
    throw new Error(`no shared fixture "${name}": is tests/helpers/shared-fixtures-setup.ts in globalSetup?`);
  if (built.status !== 0)
    throw new Error(`the shared fixture "${name}" failed to build:\n${built.stdout}\n${built.stderr}`);
  return built;
}

/** The shared build of a fixture, read-only (its first build's output and messages). */
export function sharedSite(name: SharedFixtureName): FixtureSite {
  return sharedFixtureSite(builtFixture(name));
}

/** A private copy of a shared fixture's project, built output and caches included. */
export function copyOfSharedSite(name: SharedFixtureName): FixtureSite {
  return copyFixtureSite(builtFixture(name));
}
