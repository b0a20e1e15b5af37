from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Essaim — administration"
admin.site.site_title = "Essaim"
admin.site.index_title = "Administration de la plateforme"

urlpatterns = [
    path("", include("essaim.core.urls")),
    path("compte/", include("essaim.accounts.urls")),
    path("aides/", include("essaim.catalog.urls")),
    path("annuaire/", include("essaim.organisations.urls")),
    path("strategie/", include("essaim.strategy.urls")),
    path("esspresso/", include("essaim.esspresso.urls")),
    path("etre-accompagne/", include("essaim.referrals.urls")),
    path("autodiagnostic/", include("essaim.diagnostics.urls")),
    path("observatoire/", include("essaim.observatory.urls")),
    path("territoires/", include("essaim.territories.urls")),
    path("api/v1/", include("essaim.api.urls")),
    path("admin/", admin.site.urls),
]

handler400 = "essaim.core.views.bad_request"
handler403 = "essaim.core.views.permission_denied"
handler404 = "essaim.core.views.page_not_found"
handler500 = "essaim.core.views.server_error"
