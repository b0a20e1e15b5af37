from django.urls import path

from essaim.strategy import views

app_name = "strategy"

urlpatterns = [
    path("", views.index, name="index"),
    path("pilotage/", views.workspace, name="workspace"),
    path("points/<id:pk>/", views.report, name="report"),
    path("points/<id:pk>/examen/", views.report_review, name="report_review"),
    path("campagnes/<id:pk>/<str:transition>/", views.campaign_transition, name="campaign_transition"),
    path("bilans/<id:pk>/publication/", views.bilan_publication, name="bilan_publication"),
    path("decisions/<id:pk>/", views.decision_update, name="decision_update"),
    path("reunions/<id:pk>/decisions/", views.decision_create, name="decision_create"),
    path("<slug:code>/", views.detail, name="detail"),
    path("<slug:code>/pilotage/", views.board, name="board"),
    path("<slug:code>/pilotage/campagnes/", views.campaign_create, name="campaign_create"),
    path("<slug:code>/pilotage/bilans/", views.bilan_create, name="bilan_create"),
    path("<slug:code>/actions/<str:action>/", views.action_detail, name="action"),
    path("<slug:code>/actions/<str:action>/modifier/", views.action_edit, name="action_edit"),
    path("<slug:code>/actions/<str:action>/jalons/<id:pk>/", views.milestone_done, name="milestone_done"),
    path("<slug:code>/actions/<str:action>/documents/", views.document_add, name="document_add"),
    path("<slug:code>/indicateurs/", views.indicators, name="indicators"),
    path("<slug:code>/indicateurs/valeurs.<str:fmt>", views.indicator_values, name="indicator_values"),
    path("<slug:code>/indicateurs/<slug:indicator>/historique/", views.indicator_history, name="indicator_history"),
    path("valeurs/<id:pk>/examen/", views.value_review, name="value_review"),
    path("<slug:code>/plan-actions.<str:fmt>", views.action_plan, name="action_plan"),
    path("<slug:code>/bilans/comparer/", views.bilan_compare, name="bilan_compare"),
    path("<slug:code>/bilans/<id:pk>/", views.bilan_detail, name="bilan"),
    path("<slug:code>/bilans/<id:pk>/bilan.<str:fmt>", views.bilan_file, name="bilan_file"),
    path("<slug:code>/gouvernance/", views.governance, name="governance"),
    path("<slug:code>/gouvernance/reunions/", views.meeting_create, name="meeting_create"),
]
