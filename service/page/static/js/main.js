// The timeline page: filters in the address bar, events on the axis, as cards and on the map; an article
// reader opened by #article/<id>/event/<id>. Reads the JSON API only.

import { ApiError, loadArticle, loadEvents, saveKey, savedKey } from "./api.js";
import { Axis } from "./axis.js";
import { append, clear } from "./dom.js";
import { TYPE_NAMES, dayList, renderArticle } from "./evidence.js";
import { EventMap } from "./map.js";

const FILTERS = ["type", "location", "actor", "since", "until", "q"];
const $ = (id) => document.getElementById(id);
const form = $("filters");
const status = $("status");
let axis;
let map;

function setState(state, message) {
  document.body.dataset.state = state;
  status.dataset.state = state;
  clear(status).append(message);
}

function problemMessage(error) {
  if (error instanceof ApiError && error.status === 401) {
    return "This server asks for an API key: paste one with read scope above and press Save.";
  }
  if (error instanceof ApiError && error.status === 403) return `This API key may not read events: ${error.message}`;
  if (error instanceof ApiError) return `The server refused: ${error.message}`;
  return `Could not reach the server (${error.message}).`;
}

function chosenFilters() {
  const data = new FormData(form);
  return Object.fromEntries(FILTERS.map((name) => [name, String(data.get(name) || "").trim()]).filter(([, v]) => v));
}

function summary(days) {
  const counts = {};
  let total = 0;
  for (const day of days) for (const { event } of day.entries) { counts[event.type] = (counts[event.type] || 0) + 1; total += 1; }
  const articles = new Set(days.flatMap((day) => day.entries.map((entry) => entry.article.id)));
  const parts = Object.entries(TYPE_NAMES).filter(([t]) => counts[t]).map(([t, name]) => `${counts[t]} ${name.toLowerCase()}`);
  return { total, text: `${total} from ${articles.size} article${articles.size === 1 ? "" : "s"}` + (parts.length ? ` · ${parts.join(", ")}` : "") };
}

async function showEvents() {
  const filters = chosenFilters();
  const query = new URLSearchParams(filters).toString();
  history.replaceState(null, "", (query ? `?${query}` : location.pathname) + location.hash);
  setState("loading", "Loading…");
  try {
    const { days, features, truncated } = await loadEvents(filters);
    const { total, text } = summary(days);
    clear($("days"));
    append($("days"), dayList(days));
    clear($("summary")).append(text);
    axis.show(days);
    const places = map.show(features);
    clear($("map-note")).append(places ? `${features.length} of ${total} events placed on ${places} place${places === 1 ? "" : "s"}.`
                                       : "None of these events has a place on the map.");
    setState("ready", total ? (truncated ? `Showing the first ${total} events: narrow the filters to see the rest.` : "")
                            : "No events match these filters.");
  } catch (error) {
    clear($("days"));
    clear($("summary"));
    axis.show([]);
    map.show([]);
    setState("error", problemMessage(error));
  }
}

function focusCard(eventId) {
  const card = document.getElementById(`event-${eventId}`);
  if (!card) return;
  document.querySelectorAll(".event.focused").forEach((other) => other.classList.remove("focused"));
  card.classList.add("focused");
  card.scrollIntoView({ block: "center" });
  axis.select(Number(eventId));
}

const dialog = $("article");
const dialogParts = { meta: $("article-meta"), headline: $("article-headline"), original: $("article-original"), text: $("article-text") };

async function openArticle(articleId, eventId) {
  clear(dialogParts.headline).append("Loading the article…");
  clear(dialogParts.meta);
  clear(dialogParts.original);
  clear(dialogParts.text);
  if (!dialog.open) dialog.showModal();
  try {
    const chosen = renderArticle(dialogParts, await loadArticle(articleId), eventId);
    if (chosen) chosen.scrollIntoView({ block: "center" });
  } catch (error) {
    clear(dialogParts.headline).append("The article could not be read");
    clear(dialogParts.text).append(problemMessage(error));
  }
}

function followHash() {
  const article = /^#article\/(\d+)(?:\/event\/(\d+))?$/.exec(location.hash);
  if (article) return openArticle(article[1], article[2]);
  const event = /^#event-(\d+)$/.exec(location.hash);
  if (event) {
    map.map.closePopup();
    focusCard(event[1]);
  }
  return undefined;
}

function start() {
  if (typeof vis === "undefined" || typeof L === "undefined" || typeof topojson === "undefined") {
    setState("error", "The page's scripts did not load.");
    return;
  }
  const params = new URLSearchParams(location.search);
  for (const name of FILTERS) if (params.has(name)) form.elements[name].value = params.get(name);
  axis = new Axis($("axis"), (eventId) => focusCard(eventId));
  map = new EventMap($("map"));

  $("api-key").value = savedKey();
  $("key-form").addEventListener("submit", (submitted) => {
    submitted.preventDefault();
    saveKey($("api-key").value.trim());
    showEvents();
  });
  $("forget-key").addEventListener("click", () => {
    saveKey("");
    $("api-key").value = "";
    showEvents();
  });
  form.addEventListener("submit", (submitted) => {
    submitted.preventDefault();
    showEvents();
  });
  form.addEventListener("reset", () => setTimeout(showEvents));
  $("days").addEventListener("click", (clicked) => {
    const card = clicked.target.closest(".event");
    if (card && !clicked.target.closest("a")) axis.select(Number(card.dataset.eventId));
  });
  $("article-close").addEventListener("click", () => dialog.close());
  dialog.addEventListener("close", () => {
    if (location.hash.startsWith("#article/")) history.replaceState(null, "", location.pathname + location.search);
  });
  window.addEventListener("hashchange", followHash);
  showEvents().then(followHash);
}

start();
