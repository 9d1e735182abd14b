// Reads the Eventline JSON API with the API key the editor saved (none on open servers).

const KEY_NAME = "eventline.apiKey";
const PAGE_SIZE = 500;
const MAX_PAGES = 10;

export function savedKey() {
  try {
    return localStorage.getItem(KEY_NAME) || "";
  } catch {
    return "";  // storage can be off (private windows): the page still works on open servers
  }
}

export function saveKey(key) {
  try {
    if (key) localStorage.setItem(KEY_NAME, key);
    else localStorage.removeItem(KEY_NAME);
  } catch {
    /* nothing to keep it in */
  }
}

export class ApiError extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
  }
}

// Relative to the page, so that it works behind a path prefix too.
function apiUrl(path, params) {
  const url = new URL(path, document.baseURI);
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") url.searchParams.set(name, value);
  }
  return url;
}

export async function getJson(path, params = {}) {
  const headers = { Accept: "application/json" };
  const key = savedKey();
  if (key) headers["X-API-Key"] = key;
  const response = await fetch(apiUrl(path, params), { headers, cache: "no-cache" });
  if (!response.ok) {
    let problem = {};
    try {
      problem = await response.json();
    } catch {
      /* not problem+json */
    }
    throw new ApiError(response.status, problem.detail || problem.title || response.statusText);
  }
  return response.json();
}

// Joins the days of consecutive timeline pages (a day can straddle two pages).
function addDays(days, more) {
  for (const day of more) {
    const last = days[days.length - 1];
    if (last && last.date === day.date && last.bound === day.bound) last.entries.push(...day.entries);
    else days.push(day);
  }
}

// The timeline and the located events (GeoJSON) for the filters, a page of each at a time, same cursor:
// both listings share one order. Stops after MAX_PAGES pages and says so (`truncated`).
export async function loadEvents(filters) {
  const days = [];
  const features = [];
  let cursor = null;
  let pages = 0;
  let limit = PAGE_SIZE;
  do {
    const params = { ...filters, limit, cursor };
    let page;
    try {
      page = await getJson("v1/timeline", params);
    } catch (error) {
      // A server configured with smaller pages refuses ours: take its default size instead.
      if (!(error instanceof ApiError && error.status === 422 && limit && pages === 0 && /limit/.test(error.message))) {
        throw error;
      }
      limit = undefined;
      continue;
    }
    const located = await getJson("v1/events", { ...params, limit, format: "geojson" });
    addDays(days, page.days);
    features.push(...located.features);
    cursor = page.next_cursor;
    pages += 1;
  } while (cursor && pages < MAX_PAGES);
  return { days, features, truncated: Boolean(cursor) };
}

export async function loadArticle(articleId) {
  const [article, events] = await Promise.all([
    getJson(`v1/articles/${encodeURIComponent(articleId)}`),
    getJson(`v1/articles/${encodeURIComponent(articleId)}/events`),
  ]);
  return { article, events };
}
