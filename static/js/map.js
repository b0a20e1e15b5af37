// Maps of the platform (includes/map.html), drawn with the vendored MapLibre GL (its CSP build:
// no eval, the worker from our own static files; includes/map_assets.html loads them).
//
// Progressive enhancement: each [data-map] holds a French sentence pointing to the data table
// printed after the map; it stays when JavaScript, WebGL or the data is missing. The data is a
// GeoJSON FeatureCollection computed by the server (essaim/core/maps.py), read from a JSON block
// (data-map-source: its id) or from a URL of the platform (data-map-url). Areas are filled with
// their `colour`, points drawn as dots. Choosing one (a click, or Enter on the focused map for
// what lies under the cross at its centre) writes its `name`, `label` and link (`url`) in the
// live region below the map (data-map-detail): no popup, so focus is never trapped nor lost.
// Arrows move the map, + and − zoom (MapLibre's keyboard), and so do the buttons drawn here:
// MapLibre's own controls show `data:` images the Content-Security-Policy refuses.
// No basemap unless the platform sets one (settings.MAP_STYLE_URL, this script's data-style).
(function () {
  "use strict";
  var script = document.currentScript;
  var elements = document.querySelectorAll("[data-map]");
  if (!elements.length || !script || !window.maplibregl) return;
  window.maplibregl.setWorkerUrl(script.dataset.worker);
  var styleUrl = script.dataset.style || "";

  var BACKGROUND = "#e8edef";
  var AREA_OUTLINE = "#4a5561";
  var POINT_COLOUR = "#1f2933"; // dark, ringed with white: seen on the palest and the darkest class
  var CHOSEN = "#b3410b";
  var PADDING = 24;
  var MAX_ZOOM = 12; // a single place is framed at town scale, not at its doorstep
  var AREAS = ["match", ["geometry-type"], ["Polygon", "MultiPolygon"], true, false];
  var POINTS = ["match", ["geometry-type"], ["Point", "MultiPoint"], true, false];
  var BY_VISITOR = { byVisitor: true };
  var IS_CHOSEN = ["boolean", ["feature-state", "chosen"], false];
  var FRENCH = {
    "CooperativeGesturesHandler.WindowsHelpText": "Ctrl + molette pour zoomer sur la carte",
    "CooperativeGesturesHandler.MacHelpText": "⌘ + molette pour zoomer sur la carte",
    "CooperativeGesturesHandler.MobileHelpText": "Deux doigts pour déplacer la carte",
    "AttributionControl.ToggleAttribution": "Sources du fond de carte",
    "AttributionControl.MapFeedback": "Signaler une erreur du fond de carte",
  };

  function readData(element) {
    if (element.dataset.mapSource) {
      return new Promise(function (resolve) {
        resolve(JSON.parse(document.getElementById(element.dataset.mapSource).textContent));
      });
    }
    var url = new URL(element.dataset.mapUrl, window.location.href);
    if (url.origin !== window.location.origin) return Promise.reject(new Error("La carte ne lit que la plateforme."));
    return fetch(url, { headers: { Accept: "application/geo+json, application/json" } }).then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status);
      return response.json();
    });
  }

  // [[west, south], [east, north]]: the server's bbox, or else every position of the data.
  function frameOf(collection) {
    var box = collection.bbox;
    if (box && box.length === 4) return [[box[0], box[1]], [box[2], box[3]]];
    var west = Infinity, south = Infinity, east = -Infinity, north = -Infinity;
    function walk(coordinates) {
      if (!Array.isArray(coordinates) || !coordinates.length) return;
      if (typeof coordinates[0] === "number") {
        west = Math.min(west, coordinates[0]); east = Math.max(east, coordinates[0]);
        south = Math.min(south, coordinates[1]); north = Math.max(north, coordinates[1]);
        return;
      }
      coordinates.forEach(walk);
    }
    (collection.features || []).forEach(function (feature) {
      if (feature.geometry) walk(feature.geometry.coordinates);
    });
    return west <= east ? [[west, south], [east, north]] : null;
  }

  function plainStyle() {
    return { version: 8, sources: {}, layers: [{ id: "fond", type: "background", paint: { "background-color": BACKGROUND } }] };
  }

  function addLayers(map, collection) {
    map.addSource("donnees", { type: "geojson", data: collection, generateId: true });
    map.addLayer({
      id: "zones", type: "fill", source: "donnees", filter: AREAS,
      paint: { "fill-color": ["coalesce", ["get", "colour"], "#ffffff"], "fill-opacity": styleUrl ? 0.8 : 1 },
    });
    map.addLayer({
      id: "zones-contours", type: "line", source: "donnees", filter: AREAS,
      paint: { "line-color": ["case", IS_CHOSEN, CHOSEN, AREA_OUTLINE], "line-width": ["case", IS_CHOSEN, 3, 0.6] },
    });
    map.addLayer({
      id: "lieux", type: "circle", source: "donnees", filter: POINTS,
      paint: {
        "circle-color": ["coalesce", ["get", "colour"], POINT_COLOUR],
        "circle-radius": ["case", IS_CHOSEN, 8, 6],
        "circle-stroke-color": ["case", IS_CHOSEN, CHOSEN, "#ffffff"],
        "circle-stroke-width": ["case", IS_CHOSEN, 3, 2],
      },
    });
  }

  // A place near the point wins over the area under it: it is the smaller target.
  function featureAt(map, point) {
    var near = [[point.x - 8, point.y - 8], [point.x + 8, point.y + 8]];
    return map.queryRenderedFeatures(near, { layers: ["lieux"] })[0] ||
      map.queryRenderedFeatures(point, { layers: ["zones"] })[0] || null;
  }

  function safeUrl(value) {
    if (!value) return null;
    var url = new URL(value, window.location.href);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
  }

  function writeDetail(panel, feature) {
    panel.replaceChildren();
    if (!feature) {
      panel.textContent = "Rien au centre de la carte : déplacez-la avec les flèches.";
      return;
    }
    var properties = feature.properties || {};
    var url = safeUrl(properties.url);
    var name = document.createElement(url ? "a" : "strong");
    name.textContent = properties.name || "";
    if (url) name.href = url;
    panel.appendChild(name);
    if (properties.label) panel.appendChild(document.createTextNode("\u00a0: " + properties.label));
  }

  function button(label, content, action) {
    var element = document.createElement("button");
    element.type = "button";
    element.setAttribute("aria-label", label);
    element.title = label;
    element.appendChild(content);
    element.addEventListener("click", action);
    return element;
  }

  function text(value) {
    var span = document.createElement("span");
    span.setAttribute("aria-hidden", "true");
    span.textContent = value;
    return span;
  }

  // Zoom in, zoom out, and back to the whole data: text buttons, read by screen readers by their label.
  function controls(reset) {
    var group;
    return {
      onAdd: function (map) {
        group = document.createElement("div");
        group.className = "maplibregl-ctrl maplibregl-ctrl-group map__controls";
        group.appendChild(button("Zoomer", text("+"), function () { map.zoomIn(undefined, BY_VISITOR); }));
        group.appendChild(button("Dézoomer", text("−"), function () { map.zoomOut(undefined, BY_VISITOR); }));
        if (reset) group.appendChild(button("Revoir toute la carte", text("⤢"), reset));
        return group;
      },
      onRemove: function () { group.remove(); },
    };
  }

  function fail(element, holder) {
    if (holder) holder.remove();
    element.classList.remove("map--ready");
    element.querySelectorAll(".map__fallback").forEach(function (sentence) { sentence.hidden = false; });
  }

  function draw(element, collection) {
    var frame = frameOf(collection);
    var holder = document.createElement("div");
    holder.className = "map__canvas";
    element.appendChild(holder);
    element.classList.add("map--ready");
    var map;
    try {
      map = new window.maplibregl.Map({
        container: holder,
        style: styleUrl || plainStyle(),
        bounds: frame || undefined,
        center: frame ? undefined : [2.5, 46.6],
        zoom: frame ? undefined : 5,
        fitBoundsOptions: { padding: PADDING, maxZoom: MAX_ZOOM },
        locale: Object.assign({ "Map.Title": element.dataset.mapLabel || "Carte" }, FRENCH),
        attributionControl: styleUrl ? { compact: false } : false,
        cooperativeGestures: true,
        dragRotate: false,
        pitchWithRotate: false,
        touchPitch: false,
        renderWorldCopies: false,
      });
    } catch (error) {
      // No WebGL (an old browser, a locked-down computer, a headless one): the sentence stays.
      fail(element, holder);
      return;
    }
    map.keyboard.disableRotation();
    map.touchZoomRotate.disableRotation();
    // Until the visitor moves the map, it keeps framing the data when its size changes (a phone
    // turned, a window resized); "Revoir toute la carte" frames it again.
    var moved = false;
    map.on("movestart", function (event) {
      if (event.originalEvent || event.byVisitor) moved = true;
    });
    map.on("resize", function () {
      if (!moved && frame) map.fitBounds(frame, { padding: PADDING, maxZoom: MAX_ZOOM, animate: false });
    });
    map.addControl(controls(frame && function () {
      moved = false;
      map.fitBounds(frame, { padding: PADDING, maxZoom: MAX_ZOOM });
    }), "top-right");
    element.querySelectorAll(".map__fallback").forEach(function (sentence) { sentence.hidden = true; });

    var canvas = map.getCanvas();
    var help = element.dataset.mapHelp && document.getElementById(element.dataset.mapHelp);
    if (help) {
      help.hidden = false;
      canvas.setAttribute("aria-describedby", help.id);
    }
    var cross = document.createElement("div");
    cross.className = "map__cross";
    cross.setAttribute("aria-hidden", "true");
    map.getCanvasContainer().appendChild(cross);

    var panel = document.getElementById(element.dataset.mapDetail);
    var chosen = null;
    function choose(feature) {
      if (chosen) map.setFeatureState(chosen, { chosen: false });
      chosen = feature ? { source: "donnees", id: feature.id } : null;
      if (chosen) map.setFeatureState(chosen, { chosen: true });
      if (panel) writeDetail(panel, feature);
    }

    var loaded = false;
    map.on("load", function () {
      loaded = true;
      addLayers(map, collection);
      // Drawn once the worker has prepared the data and a frame shows it: only then can a
      // click or Enter find what is under it.
      map.once("idle", function () { element.classList.add("map--drawn"); });
    });
    map.on("error", function () {
      // A basemap that cannot be read must not take the territories with it.
      if (!loaded && styleUrl && !map.isStyleLoaded()) {
        styleUrl = "";
        map.setStyle(plainStyle());
      }
    });
    map.on("click", function (event) { choose(featureAt(map, event.point)); });
    map.on("mousemove", function (event) {
      element.classList.toggle("map--over", !!(loaded && featureAt(map, event.point)));
    });
    canvas.addEventListener("keydown", function (event) {
      if (!loaded) return;
      if (event.key === "Enter") {
        var chooseAtCentre = function () { choose(featureAt(map, map.project(map.getCenter()))); };
        // A key pressed while the map still moves or reads its data waits for the frame it asked for.
        if (map.loaded()) chooseAtCentre(); else map.once("idle", chooseAtCentre);
      } else if (event.key === "Escape") {
        if (chosen) map.setFeatureState(chosen, { chosen: false });
        chosen = null;
        if (panel) panel.replaceChildren();
      }
    });
  }

  elements.forEach(function (element) {
    readData(element).then(function (collection) { draw(element, collection); }, function () { fail(element, null); });
  });
})();
