from django.urls import path

from essaim.core import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("accessibilite/", views.static_page, {"template": "core/accessibility.html"}, name="accessibility"),
    path("mentions-legales/", views.static_page, {"template": "core/legal_notice.html"}, name="legal_notice"),
    path("confidentialite/", views.static_page, {"template": "core/privacy.html"}, name="privacy"),
    path("sante/", views.health, name="health"),
]
