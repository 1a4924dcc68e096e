#!/usr/bin/env bash
# A writer's repository is this repository: the suite must pass whatever issues a writer has
# written. This makes a scratch copy of the tracked files, adds what a writer adds — a draft
# started with `npm run new-issue` (dated now), a draft dated 2025, an issue dated today and
# one scheduled for 2099 — builds it as production would (the clock as build time) and checks
# what it published, then runs a command there (default: npm test, browser tests included).
#
#   scripts/ci/writer-repository.sh [--reports DIR] [command ...]
#
# --reports DIR: copy the copy's vitest JSON reports (.cache/vitest*-report.json) into DIR.
set -euo pipefail
cd "$(dirname "$0")/../.."
export TZ=UTC

reports=""
if [ "${1:-}" = "--reports" ]; then
  reports=$(mkdir -p "$2" && cd "$2" && pwd)
  shift 2
fi
[ $# -gt 0 ] || set -- npm test

repo=$PWD
scratch=$(mktemp -d "${TMPDIR:-/tmp}/dateline-writer-XXXXXX")
trap 'rm -rf "$scratch"' EXIT
# Tracked files as they are in the working tree (one tar, so a long list is not split).
git ls-files -z | tar --null --files-from=- --ignore-failed-read -cf - | tar -xf - -C "$scratch"
# The same packages, without a second install; the checkout's own .cache/ is not copied.
ln -s "$repo/node_modules" "$scratch/node_modules"
cd "$scratch"
# A git repository of its own, as a writer's is (Biome reads .gitignore through git).
git init -q

# Ids that exist in this repository's _data/, whatever a writer has renamed.
read -r author topic < <(node --import tsx --input-type=module -e '
  const { default: authors } = await import("./_data/authors.ts");
  const { default: topics } = await import("./_data/topics.ts");
  console.log(Object.keys(authors)[0], Object.keys(topics)[0]);')

now=$(date -u +%Y-%m-%dT%H:%M:00Z) # today, no later than the build below
year=$(date -u +%Y)
issue() { # file, front-matter lines...
  local file=src/issues/$1
  shift
  mkdir -p "$(dirname "$file")"
  { echo "---"; printf '%s\n' "$@" "authors: [$author]" "topics: [$topic]" "---" ""; echo "Talks in Istanbul went on."; } >"$file"
}
npm run --silent new-issue -- "Draft: the Istanbul talks, day two" --author "$author" --topic "$topic"
issue 2025/an-old-draft.md 'title: "An old draft"' 'dek: "Started in 2025, never finished."' \
  "date: 2025-06-01T10:00:00+03:00" "draft: true"
issue "$year/published-today.md" 'title: "Published today"' 'dek: "A new issue, dated today."' "date: $now"
issue 2099/scheduled-issue.md 'title: "Scheduled for 2099"' 'dek: "Held back until 2099."' \
  "date: 2099-01-01T09:00:00+03:00"
echo "== writer's repository: $(find src/issues -name '*.md' | wc -l) issues in $scratch"

# The product copes: today's issue is published, the drafts and the 2099 issue are not.
npm run --silent build >/dev/null
node -e '
const titles = require("./_site/feed.json").items.map((item) => item.title);
const missing = ["Published today"].filter((title) => !titles.includes(title));
const leaked = ["Draft: the Istanbul talks, day two", "An old draft", "Scheduled for 2099"]
  .filter((title) => titles.includes(title));
if (missing.length || leaked.length) {
  console.error(`feed.json: missing ${JSON.stringify(missing)}, must not have ${JSON.stringify(leaked)}`);
  process.exit(1);
}
console.log(`== the build at the clock publishes the issue dated today, not the drafts or the 2099 issue (${titles.length} in feed.json)`);'

status=0
"$@" || status=$?
if [ -n "$reports" ]; then
  for report in .cache/vitest-report.json .cache/vitest-e2e-report.json; do
    if [ -f "$report" ]; then cp "$report" "$reports/"; fi
  done
fi
exit "$status"
