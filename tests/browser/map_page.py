"""A page that exists only for the browser tests of the map component (`@pytest.mark.urls`): the
platform's URLs plus `/essai/carte/`, a choropleth of four hand-made communes and two places,
followed by its data table, as a module's page would show them."""

from __future__ import annotations

import json

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template import engines
from django.urls import path
from django.utils.html import json_script

from config.urls import urlpatterns as platform_urlpatterns
from essaim.core import maps
from essaim.core.charts import french_number

CAPTION = "Établissements de l'ESS pour 10 000 habitants, par commune"


def square(west: float, south: float, east: float, north: float) -> str:
    ring = [[west, south], [east, south], [east, north], [west, north], [west, south]]
    return json.dumps({"type": "Polygon", "coordinates": [ring]})


# Four communes whose borders meet at (-1.5, 47.4), off the frame's centre (-1.4, 47.3): the
# centre falls in the south-east one, where the first place stands.
COMMUNES = [
    ("Essai-le-Nord-Ouest", square(-1.8, 47.4, -1.5, 47.6), 0.0),
    ("Essai-le-Nord-Est", square(-1.5, 47.4, -1.0, 47.6), 4.2),
    ("Essai-le-Sud-Ouest", square(-1.8, 47.0, -1.5, 47.4), 8.5),
    ("Essai-le-Sud-Est", square(-1.5, 47.0, -1.0, 47.4), 15.0),
]
PLACES = [
    (47.3, -1.4, "Recyclerie du Port", "Recyclerie, 12 salariés", "/annuaire/"),
    (47.5, -1.7, "Épicerie solidaire", "Épicerie, 3 salariés", ""),
]

TEMPLATE = """{% extends "base.html" %}
{% block title %}Carte d'essai{% endblock %}
{% block head %}{% include "includes/map_assets.html" %}{% endblock %}
{% block content %}
  <h1>Carte d'essai</h1>
  {% include "includes/map.html" with map_id="carte-essai" caption=caption data=data data_id="carte-essai-donnees" legend=legend legend_title="Établissements pour 10 000 habitants" note="Source : valeurs inventées pour les tests" %}
  <div class="table-scroll" role="region" aria-labelledby="carte-essai-tableau" tabindex="0">
    <table>
      <caption id="carte-essai-tableau">Données de la carte</caption>
      <thead><tr><th scope="col">Commune</th><th scope="col">Établissements pour 10 000 habitants</th></tr></thead>
      <tbody>
        {% for name, label in rows %}<tr><th scope="row">{{ name }}</th><td>{{ label }}</td></tr>{% endfor %}
      </tbody>
    </table>
  </div>
  <p><a href="/">Retour à l'accueil</a></p>
{% endblock %}"""


def map_page(request: HttpRequest) -> HttpResponse:
    scale = maps.choropleth([value for _, _, value in COMMUNES], 4)
    labels = [f"{french_number(value, 1)} pour 10 000 habitants" for _, _, value in COMMUNES]
    collection = maps.feature_collection(
        areas=[
            (outline, {"name": name, "label": label, "value": value, **scale.properties(position)})
            for position, ((name, outline, value), label) in enumerate(zip(COMMUNES, labels, strict=True))
        ],
        points=[
            (latitude, longitude, {"name": name, "label": label, "url": url})
            for latitude, longitude, name, label, url in PLACES
        ],
    )
    context = {
        "caption": CAPTION,
        "data": json_script(collection, "carte-essai-donnees"),
        "legend": scale.legend,
        "rows": [(name, label) for (name, _, _), label in zip(COMMUNES, labels, strict=True)],
    }
    return HttpResponse(engines["django"].from_string(TEMPLATE).render(context, request))


def basemap_style(request: HttpRequest) -> JsonResponse:
    """A basemap served by the platform itself: a MapLibre style with a single background layer."""
    style = {
        "version": 8,
        "sources": {},
        "layers": [{"id": "terre", "type": "background", "paint": {"background-color": "#dfe7d5"}}],
    }
    return JsonResponse(style)


urlpatterns = [
    path("essai/carte/", map_page, name="map_test_page"),
    path("essai/fond.json", basemap_style, name="map_test_basemap"),
    *platform_urlpatterns,
]
handler400 = "essaim.core.views.bad_request"
handler403 = "essaim.core.views.permission_denied"
handler404 = "essaim.core.views.page_not_found"
handler500 = "essaim.core.views.server_error"
