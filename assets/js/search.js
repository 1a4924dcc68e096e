// Search over the Pagefind index of issues (built by scripts/search-index.ts).
// Loaded only by /search/. Reads ?q= on load, searches on submit and (debounced) as the reader
// types or picks a person, place or organisation filter, keeps ?q= (and the filters) in the address, and builds every result with DOM APIs: titles and dates are
// text, and the excerpt's <mark> highlights are made as elements from Pagefind's escaped text.

const MAX_RESULTS = 20;
const DEBOUNCE_MS = 250;

const form = document.querySelector(".search-form");
const input = document.getElementById("search-query");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const fallback = document.getElementById("search-fallback");
// Person, place and organisation filters: <select data-search-filter="person"> and its kin.
const filterSelects = [...document.querySelectorAll("[data-search-filter]")];
const baseTitle = document.title;

/** @type {Promise<any> | undefined} */
let engine;
let latest = 0;
let timer;

/**
 * Pagefind's engine over every bundle of the index (lib/search/bundles.ts): the newest bundle's
 * engine, with the others merged into it. An archive with no issue has no bundle, and no engine.
 */
function loadEngine() {
  engine ??= fetch("/pagefind/bundles.json")
    .then((response) => {
      if (!response.ok) throw new Error(`bundles.json: ${response.status}`);
      return response.json();
    })
    .then(async ({ bundles }) => {
      if (bundles.length === 0) return undefined;
      const [first, ...others] = bundles;
      const pagefind = await import(`${first}pagefind.js`);
      await pagefind.options({ excerptLength: 24 });
      await pagefind.init();
      await Promise.all(others.map((bundle) => pagefind.mergeIndex(bundle, { excerptLength: 24 })));
      return pagefind;
    });
  return engine;
}

/** Pagefind's excerpt: text with `<` and `>` escaped, and the matches wrapped in <mark>. */
function excerptNodes(excerpt) {
  const nodes = [];
  let marked = false;
  for (const part of excerpt.split(/(<mark>|<\/mark>)/)) {
    if (part === "<mark>" || part === "</mark>") {
      marked = part === "<mark>";
      continue;
    }
    if (part === "") continue;
    const text = document.createTextNode(part.replace(/&lt;/g, "<").replace(/&gt;/g, ">"));
    if (marked) {
      const mark = document.createElement("mark");
      mark.append(text);
      nodes.push(mark);
    } else {
      nodes.push(text);
    }
  }
  return nodes;
}

function resultItem(data) {
  const item = document.createElement("li");
  item.className = "summary search-result";

  const heading = document.createElement("h2");
  heading.className = "summary__title";
  const link = document.createElement("a");
  link.href = data.url;
  link.textContent = data.meta?.title || data.url;
  heading.append(link);
  item.append(heading);

  if (data.meta?.date) {
    const meta = document.createElement("p");
    meta.className = "summary__meta";
    const time = document.createElement("time");
    if (data.meta.datetime) time.dateTime = data.meta.datetime;
    time.textContent = data.meta.date;
    meta.append(time);
    item.append(meta);
  }

  const excerpt = document.createElement("p");
  excerpt.className = "summary__dek search-result__excerpt";
  excerpt.append(...excerptNodes(data.excerpt ?? ""));
  item.append(excerpt);
  return item;
}

/** The chosen filters, `{ person: "Alexander Darchiev" }`, for Pagefind and the address. */
function chosenFilters() {
  const filters = {};
  for (const select of filterSelects) {
    if (select.value) filters[select.dataset.searchFilter] = select.value;
  }
  return filters;
}

function setAddress(query, filters) {
  const url = new URL(window.location.href);
  if (query) url.searchParams.set("q", query);
  else url.searchParams.delete("q");
  for (const select of filterSelects) {
    const name = select.dataset.searchFilter;
    if (filters[name]) url.searchParams.set(name, filters[name]);
    else url.searchParams.delete(name);
  }
  window.history.replaceState(null, "", url);
  document.title = query ? `${query}: ${baseTitle}` : baseTitle;
}

/** A sentence that ends by pointing to the archive, where every issue is listed. */
function withArchiveLink(sentence) {
  const link = document.createElement("a");
  link.href = "/archive/";
  link.textContent = "the archive";
  return [`${sentence} `, link, "."];
}

/**
 * What matched, in words: `2 issues match “Istanbul”`, `… match “Istanbul” and name Alexander
 * Darchiev`, or with a filter alone `2 issues name Alexander Darchiev`.
 */
function describeMatches(count, query, filters) {
  const names = Object.values(filters).join(" and ");
  const one = count === 1;
  const noun = `${count === 0 ? "No" : count} ${one ? "issue" : "issues"}`;
  if (!query) return `${noun} ${one ? "names" : "name"} ${names}`;
  const match = `${noun} ${one ? "matches" : "match"} “${query}”`;
  return names ? `${match} and ${one ? "names" : "name"} ${names}` : match;
}

function show(query, filters, items, total) {
  list.replaceChildren(...items);
  list.hidden = items.length === 0;
  const matches = describeMatches(total, query, filters);
  if (total === 0) {
    status.replaceChildren(...withArchiveLink(`${matches}. Try another word, or browse`));
  } else {
    const shown = total > items.length ? ` The first ${items.length} are shown.` : "";
    status.textContent = `${matches}.${shown}`;
  }
}

async function run(rawQuery) {
  const query = rawQuery.trim();
  const filters = chosenFilters();
  const filtered = Object.keys(filters).length > 0;
  const ticket = ++latest;
  setAddress(query, filters);
  if (!query && !filtered) {
    list.replaceChildren();
    list.hidden = true;
    status.textContent = "";
    return;
  }
  try {
    const pagefind = await loadEngine();
    // A filter alone lists every issue naming that entity (Pagefind's null query).
    const search = pagefind
      ? await pagefind.search(query || null, filtered ? { filters } : {})
      : { results: [] };
    const data = await Promise.all(search.results.slice(0, MAX_RESULTS).map((result) => result.data()));
    // A slower, older search must not overwrite a newer one.
    if (ticket !== latest) return;
    show(query, filters, data.map(resultItem), search.results.length);
  } catch (error) {
    if (ticket !== latest) return;
    console.warn("Search failed:", error);
    list.replaceChildren();
    list.hidden = true;
    status.replaceChildren(...withArchiveLink("Search is not available right now. Every issue is listed in"));
  }
}

fallback.hidden = true;
const filterFieldset = document.getElementById("search-filters");
if (filterFieldset) {
  filterFieldset.disabled = false;
  filterFieldset.hidden = false;
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  clearTimeout(timer);
  run(input.value);
});

input.addEventListener("input", () => {
  clearTimeout(timer);
  timer = setTimeout(() => run(input.value), DEBOUNCE_MS);
});

for (const select of filterSelects) {
  select.addEventListener("change", () => {
    clearTimeout(timer);
    run(input.value);
  });
}

const params = new URLSearchParams(window.location.search);
const initial = params.get("q") ?? "";
for (const select of filterSelects) {
  const wanted = params.get(select.dataset.searchFilter ?? "");
  if (wanted && [...select.options].some((option) => option.value === wanted)) select.value = wanted;
}
if (initial.trim() || Object.keys(chosenFilters()).length > 0) {
  input.value = initial;
  run(initial);
} else {
  // Fetch the engine while the reader is typing.
  loadEngine().catch(() => {});
}
