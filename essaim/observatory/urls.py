from django.urls import path

from essaim.observatory import views

app_name = "observatory"

urlpatterns = [
    path("", views.home, name="home"),
    path("carte/", views.region_map_page, name="map"),
    path("lieux/", views.places_page, name="places"),
    path("telechargement/<slug:level>.csv", views.download, name="download"),
    path("<slug:level>/<str:code>/", views.territory, name="territory"),
    path("<slug:level>/<str:code>/portrait.pdf", views.portrait, name="portrait"),
]
