from django.urls import path

from essaim.catalog import views

app_name = "catalog"

urlpatterns = [
    path("", views.home, name="home"),
    path("orientation/", views.orientation_step, name="orientation"),
    path("orientation/resultats/", views.results, name="results"),
    path("recherche/", views.search, name="search"),
    path("selection/", views.selection, name="selection"),
    path("suggerer/", views.suggest_offer, name="suggest"),
    path("offre/<slug:slug>/", views.offer_detail, name="offer"),
    path("offre/<slug:slug>/aller/<str:kind>/", views.offer_go, name="offer_go"),
    path("operateur/<slug:slug>/", views.operator_detail, name="operator"),
    path("donnees/offres.<str:fmt>", views.export, name="export"),
    path("pilotage/", views.dashboard, name="dashboard"),
    path("espace/", views.my_offers, name="my_offers"),
    path("espace/offres/nouvelle/", views.offer_create, name="offer_create"),
    path("espace/offres/<id:pk>/", views.offer_edit, name="offer_edit"),
    path("espace/offres/<id:pk>/statut/", views.offer_status, name="offer_status"),
    path("espace/offres/<id:pk>/a-jour/", views.offer_reviewed, name="offer_reviewed"),
    path("moderation/", views.moderation, name="moderation"),
    path("moderation/suggestions/<id:pk>/confier/", views.suggestion_assign, name="suggestion_assign"),
    path("moderation/modifications/<id:pk>/", views.revision_decide, name="revision_decide"),
    path("alertes/", views.alert_create, name="alert_create"),
    path("alertes/confirmer/<str:token>/", views.alert_confirm_view, name="alert_confirm"),
    path("alertes/desinscription/<str:token>/", views.alert_unsubscribe_view, name="alert_unsubscribe"),
    path("alertes/donnees/<str:token>/", views.alert_data_download, name="alert_data_download"),
    path("alertes/effacer/<str:token>/", views.alert_data_erase, name="alert_data_erase"),
]
