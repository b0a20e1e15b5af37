from django.urls import path, re_path

from essaim.api import views

app_name = "api"

urlpatterns = [
    path("offers", views.offers, name="offers"),
    # Any text: the view answers a JSON 404 for an id that is not one, however long.
    path("offers/<str:pk>", views.offer_detail, name="offer"),
    path("orientation", views.orientation_view, name="orientation"),
    path("strategies", views.strategies, name="strategies"),
    path("strategies/<slug:code>", views.strategy_detail, name="strategy"),
    path("observatory/<str:level>.csv", views.observatory_level, name="observatory_level"),
    path("observatory/<str:level>/<str:code>", views.observatory_territory, name="observatory_territory"),
    path("openapi.json", views.openapi, name="openapi"),
    re_path(r"^", views.not_found, name="not_found"),
]
