from django.urls import path

from essaim.api import views

app_name = "api"

urlpatterns = [
    path("offers", views.offers, name="offers"),
    path("offers/<id:pk>", views.offer_detail, name="offer"),
    path("orientation", views.orientation_view, name="orientation"),
    path("strategies", views.strategies, name="strategies"),
    path("strategies/<slug:code>", views.strategy_detail, name="strategy"),
    path("openapi.json", views.openapi, name="openapi"),
]
