// The time axis (vis-timeline, vendored): one lane per event type; a day is a point, a week, month or year a
// bar over its span; undated events sit, hatched, on their article's day.

import { el } from "./dom.js";
import { interval } from "./dates.js";
import { TYPE_NAMES } from "./evidence.js";

const WEEK_MS = 7 * 86400000;

function mentionName(mention) {
  return mention ? mention.canonical || mention.text : null;
}

// Who did or said what, in a few words: "Taliban: expelled", "Massoud: vow". A bare quotation mark (a quote
// with no verb) is named by the speech act instead.
function axisLabel(event) {
  const who = mentionName(event.speaker) || mentionName(event.agent);
  const what = /\p{L}/u.test(event.trigger) ? event.trigger : event.cue || event.subtype || event.type;
  const where = mentionName(event.location);
  return [who ? `${who}: ${what}` : what, where].filter(Boolean).join(" · ");
}

function axisItem(day, entry) {
  const { event } = entry;
  const span = event.date ? interval(event.date.value) : null;
  const content = el("span", { title: event.sentence }, axisLabel(event));
  const item = { id: event.id, group: event.type, content, className: `type-${event.type}` };
  if (span && span.precision !== "day") return { ...item, type: "range", start: span.start, end: span.end };
  const start = span ? span.start : interval(day.date || entry.article.published_at.slice(0, 10)).start;
  return { ...item, type: "point", start, className: item.className + (span ? "" : " undated") };
}

export class Axis {
  constructor(container, onSelect) {
    this.items = new vis.DataSet();
    const groups = new vis.DataSet(Object.entries(TYPE_NAMES).map(([id, name], order) => (
      { id, order, content: el("span", { class: `lane type-${id}` }, name) })));
    this.timeline = new vis.Timeline(container, this.items, groups, {
      stack: true,
      groupOrder: "order",
      orientation: { axis: "top", item: "top" },
      verticalScroll: true,
      margin: { item: { horizontal: 2, vertical: 4 } },
      maxHeight: 420,
      minHeight: 160,
      zoomMin: WEEK_MS,
      showCurrentTime: false,
      selectable: true,
      // Dates are calendar days (UTC midnight): show them as such whatever the reader's time zone.
      moment: (date) => moment(date).utc(),
    });
    this.timeline.on("select", ({ items }) => { if (items.length) onSelect(items[0]); });
  }

  show(days) {
    this.items.clear();
    this.items.add(days.flatMap((day) => day.entries.map((entry) => axisItem(day, entry))));
    if (!this.items.length) return;
    // Some room on both sides, so that the labels of the first and last events are not cut off.
    const times = this.items.get().flatMap((item) => [item.start, item.end || item.start].map((d) => d.getTime()));
    const [first, last] = [Math.min(...times), Math.max(...times)];
    const room = Math.max((last - first) * 0.08, 2 * 86400000);
    this.timeline.setWindow(first - room, last + room * 2.5, { animation: false });
  }

  select(eventId) {
    this.timeline.setSelection([eventId], { focus: false });
  }
}
