// The map (Leaflet, vendored) with no tile server: the world outline ships with the page (Natural Earth
// 1:110m countries from world-atlas), the events' points come from the GeoJSON export.

import { el } from "./dom.js";
import { TYPE_NAMES } from "./evidence.js";

const OUTLINE_URL = "static/vendor/world-atlas/countries-110m.json";
const ANTARCTICA = "010";  // ISO 3166 numeric: left out, Mercator cannot draw the pole
const WORLD = [[-58, -170], [78, 190]];

// world-atlas rings cross the antimeridian (Russia, Fiji); Leaflet draws straight lines, so a ring that jumps
// from 179° to -179° would cross the whole map. Unwrapping keeps each ring continuous past 180°.
function unwrapRing(ring) {
  let shift = 0;
  return ring.map(([lon, lat], i) => {
    if (i > 0) {
      const previous = ring[i - 1][0];
      if (lon - previous > 180) shift -= 360;
      else if (previous - lon > 180) shift += 360;
    }
    return [lon + shift, lat];
  });
}

function unwrap(geometry) {
  if (geometry.type === "Polygon") return { ...geometry, coordinates: geometry.coordinates.map(unwrapRing) };
  if (geometry.type === "MultiPolygon") {
    return { ...geometry, coordinates: geometry.coordinates.map((polygon) => polygon.map(unwrapRing)) };
  }
  return geometry;
}

function countries(world) {
  const collection = topojson.feature(world, world.objects.countries);
  return collection.features.filter((f) => f.id !== ANTARCTICA && f.geometry)
    .map((f) => ({ ...f, geometry: unwrap(f.geometry) }));
}

function placeName(feature) {
  const { location } = feature.properties;
  return location.geo?.name || location.canonical || location.text;
}

export class EventMap {
  constructor(container, onChoose) {
    this.onChoose = onChoose;
    this.map = L.map(container, { worldCopyJump: true, zoomSnap: 0.5, minZoom: 1, maxZoom: 9 });
    this.map.attributionControl.setPrefix(false);
    this.map.attributionControl.addAttribution("Outline: Natural Earth");
    this.map.fitBounds(WORLD);
    this.points = L.layerGroup().addTo(this.map);
    this.outline = fetch(new URL(OUTLINE_URL, document.baseURI))
      .then((response) => response.json())
      .then((world) => L.geoJSON(countries(world), {
        interactive: false, className: "country",
        style: { color: "#b7ad99", weight: 0.7, fillColor: "#f4efe4", fillOpacity: 1 },
      }).addTo(this.map).bringToBack());
  }

  // One circle per place, sized by how many events it holds, coloured by type when they share one.
  show(features) {
    this.points.clearLayers();
    const places = new Map();
    for (const feature of features) {
      const [lon, lat] = feature.geometry.coordinates;
      const key = `${lat},${lon}`;
      if (!places.has(key)) places.set(key, { lat, lon, name: placeName(feature), features: [] });
      places.get(key).features.push(feature);
    }
    for (const place of places.values()) {
      const types = new Set(place.features.map((f) => f.properties.type));
      const type = types.size === 1 ? [...types][0] : "mixed";
      const radius = 5 + 3 * Math.sqrt(place.features.length);
      const marker = L.circleMarker([place.lat, place.lon], { radius, className: `place type-${type}`, weight: 1.5 });
      marker.bindTooltip(el("span", {}, `${place.name} · ${place.features.length}`),
                         { permanent: true, direction: "right", offset: [radius, 0], className: "place-label" });
      marker.bindPopup(() => this.popup(place));
      marker.addTo(this.points);
    }
    if (places.size) {
      const bounds = L.latLngBounds([...places.values()].map((p) => [p.lat, p.lon]));
      this.map.fitBounds(bounds.pad(0.6), { maxZoom: 4 });
    } else {
      this.map.fitBounds(WORLD);
    }
    return places.size;
  }

  popup(place) {
    const counts = {};
    for (const f of place.features) counts[f.properties.type] = (counts[f.properties.type] || 0) + 1;
    return el("div", { class: "popup" },
      el("strong", {}, place.name),
      el("p", {}, Object.entries(counts).map(([t, n]) => `${n} ${TYPE_NAMES[t] || t}`).join(", ")),
      el("ul", {}, place.features.slice(0, 12).map((f) => el("li", {},
        el("a", { href: `#event-${f.properties.id}`, "data-event-id": f.properties.id },
          `${TYPE_NAMES[f.properties.type]}: ${f.properties.trigger}`)))));
  }

  resize() {
    this.map.invalidateSize();
  }
}
