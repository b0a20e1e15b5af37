"""The map include, rendered without a browser: the sentence shown without JavaScript, the data
block it reads, the legend, and nothing the Content-Security-Policy would refuse."""

from __future__ import annotations

import json

from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils.html import json_script

from essaim.core import maps
from tests.core.test_headers import refused_inline_code

OUTLINE = json.dumps({"type": "Polygon", "coordinates": [[[-1.5, 47.0], [-1.0, 47.0], [-1.0, 47.5], [-1.5, 47.0]]]})


def render_map(**extra: object) -> str:
    scale = maps.choropleth([3.5], 1)
    collection = maps.feature_collection(areas=[(OUTLINE, {"name": "Nantes <b>", **scale.properties(0)})])
    context = {
        "map_id": "carte",
        "caption": "Établissements pour 10 000 habitants",
        "data": json_script(collection, "carte-donnees"),
        "data_id": "carte-donnees",
        "legend": scale.legend,
        **extra,
    }
    return render_to_string("includes/map.html", context)


def test_the_map_says_where_its_data_is_until_a_script_draws_it():
    html = render_map()
    assert '<figure class="map-figure">' in html
    assert "ses données sont dans le tableau ci-dessous" in html
    assert 'data-map-source="carte-donnees"' in html
    assert 'data-map-label="Établissements pour 10 000 habitants"' in html
    # The keyboard help only shows once the map is drawn.
    assert 'id="carte-aide" hidden' in html


def test_the_data_block_is_json_that_cannot_close_its_script():
    html = render_map()
    assert '<script id="carte-donnees" type="application/json">' in html
    assert "Nantes \\u003Cb\\u003E" in html and "<b>" not in html


def test_the_legend_names_each_class_beside_its_colour():
    html = render_map(legend_title="Établissements pour 10 000 habitants")
    assert f'fill="{maps.PALETTES[1][0]}"' in html
    assert "3,5" in html
    assert 'aria-labelledby="carte-legende"' in html


def test_the_map_holds_nothing_the_policy_refuses():
    assert refused_inline_code(render_map()) == []
    request = RequestFactory().get("/")
    assets = render_to_string(
        "includes/map_assets.html", {"MAP_STYLE_URL": "https://tuiles.example.fr/style.json"}, request
    )
    assert refused_inline_code(assets) == []
    assert 'data-style="https://tuiles.example.fr/style.json"' in assets
    assert "vendor/maplibre-gl/maplibre-gl-csp-worker.js" in assets


def test_a_map_may_read_its_data_from_a_url_of_the_platform():
    html = render_map(data="", data_url="/observatoire/carte.geojson")
    assert 'data-map-url="/observatoire/carte.geojson"' in html
    assert "data-map-source" not in html
