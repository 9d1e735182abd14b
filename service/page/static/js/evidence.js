// The event cards (evidence sentence, trigger highlighted, roles, link to the article) and the article reader.

import { append, clear, el, safeExternalUrl } from "./dom.js";
import { dayInWords, publishedInWords } from "./dates.js";

export const TYPE_NAMES = { desecration: "Desecration", displacement: "Displacement", statement: "Statement" };

export function articleHref(articleId, eventId) {
  return `#article/${articleId}` + (eventId ? `/event/${eventId}` : "");
}

// Where the trigger sits in the evidence: by offsets when they agree with the text, else its first occurrence.
// A statement told by a bare quotation has a quotation mark as trigger: the quote itself is marked instead.
function triggerRange(event) {
  if (!/\p{L}/u.test(event.trigger) && event.quote) {
    const quoted = event.sentence.indexOf(event.quote);
    if (quoted >= 0) return [quoted, quoted + event.quote.length];
  }
  const start = event.trigger_span.start - event.span.start;
  const end = event.trigger_span.end - event.span.start;
  if (start >= 0 && end <= event.sentence.length && event.sentence.slice(start, end) === event.trigger) {
    return [start, end];
  }
  const found = event.sentence.toLowerCase().indexOf(event.trigger.toLowerCase());
  return found >= 0 ? [found, found + event.trigger.length] : null;
}

function evidence(event) {
  const range = triggerRange(event);
  const paragraph = el("blockquote", { class: "evidence" });
  if (!range) return append(paragraph, [event.sentence]);
  const [start, end] = range;
  return append(paragraph, [
    event.sentence.slice(0, start),
    el("mark", { class: "trigger", title: "trigger" }, event.sentence.slice(start, end)),
    event.sentence.slice(end),
  ]);
}

function mentionText(mention) {
  if (!mention) return null;
  return mention.canonical && mention.canonical !== mention.text ? `${mention.text} (${mention.canonical})` : mention.text;
}

function roles(event) {
  const rows = [
    ["Who", mentionText(event.agent)],
    ["Said by", mentionText(event.speaker)],
    [event.type === "statement" ? "About" : "Whom / what", mentionText(event.target)],
    ["Where", mentionText(event.location)],
    ["How many", event.quantity ? event.quantity.text : null],
    ["According to", mentionText(event.attribution)],
  ].filter(([, value]) => value);
  if (!rows.length) return null;
  return el("dl", { class: "roles" }, rows.map(([name, value]) => el("div", {}, el("dt", {}, name), el("dd", {}, value))));
}

function when(event) {
  if (!event.date) return el("span", { class: "when undated" }, "undated");
  const words = event.date.precision === "day" ? dayInWords(event.date.value, false) : event.date.value;
  return el("span", { class: "when", title: `TIMEX3 ${event.date.value}` }, `${words} · “${event.date.text}”`);
}

export function eventCard(entry) {
  const { event, article } = entry;
  const headline = article.headline || `Article ${article.id}`;
  return el("article", { class: `event type-${event.type}`, id: `event-${event.id}`, "data-type": event.type,
                         "data-event-id": event.id },
    el("header", {},
      el("span", { class: "badge" }, TYPE_NAMES[event.type] || event.type),
      event.subtype ? el("span", { class: "subtype" }, event.subtype.replaceAll("_", " ")) : null,
      when(event),
      el("span", { class: `certainty certainty-${event.certainty}` }, event.certainty)),
    evidence(event),
    roles(event),
    el("footer", {},
      el("a", { class: "article-link", href: articleHref(article.id, event.id) }, headline),
      article.source ? el("span", { class: "source" }, article.source) : null,
      el("span", { class: "published" }, publishedInWords(article.published_at))));
}

export function dayList(days) {
  return days.map((day) => {
    const title = day.date === null ? "Undated"
      : day.bound === "upper" ? `Undated, told by ${dayInWords(day.date)}` : dayInWords(day.date);
    return el("li", { class: "day" }, el("h3", {}, title), el("div", { class: "cards" }, day.entries.map(eventCard)));
  });
}

// The article text with every event's evidence marked, its triggers in bold, and the chosen event's evidence
// outlined; answers the element of the chosen evidence (to scroll to).
export function renderArticle(dialogParts, { article, events }, chosenEventId) {
  const { meta, headline, original, text } = dialogParts;
  clear(meta).append([article.source, publishedInWords(article.published_at)].filter(Boolean).join(" · "));
  clear(headline).append(article.headline || `Article ${article.id}`);
  clear(original);
  const url = safeExternalUrl(article.url);
  if (url) original.append(el("a", { href: url, rel: "noopener noreferrer", target: "_blank" }, "Read the original ↗"));
  const cuts = new Set([0, article.text.length]);
  for (const e of events) [e.span.start, e.span.end, e.trigger_span.start, e.trigger_span.end].forEach((c) => cuts.add(c));
  const points = [...cuts].filter((c) => c >= 0 && c <= article.text.length).sort((a, b) => a - b);
  clear(text);
  let chosen = null;
  for (let i = 0; i < points.length - 1; i += 1) {
    const [start, end] = [points[i], points[i + 1]];
    const inside = events.filter((e) => e.span.start <= start && end <= e.span.end);
    const piece = article.text.slice(start, end);
    if (!inside.length) {
      text.append(piece);
      continue;
    }
    const isTrigger = events.some((e) => e.trigger_span.start <= start && end <= e.trigger_span.end);
    const isChosen = inside.some((e) => String(e.id) === String(chosenEventId));
    const mark = el("mark", { class: `evidence-mark type-${inside[0].type}` + (isChosen ? " chosen" : ""),
                              title: [...new Set(inside.map((e) => TYPE_NAMES[e.type]))].join(", ") },
      isTrigger ? el("strong", {}, piece) : piece);
    if (isChosen && !chosen) chosen = mark;
    text.append(mark);
  }
  return chosen;
}
