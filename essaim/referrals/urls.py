from django.urls import path

from essaim.referrals.views import adviser, board, public, referencing

app_name = "referrals"

urlpatterns = [
    # The project leader (no account): the form, the acknowledgement, the private link.
    path("", public.RequestFormView.as_view(), name="new"),
    path("suivi/<str:token>/", public.follow, name="follow"),
    path("suivi/<str:token>/retirer/", public.withdraw, name="withdraw"),
    path("suivi/<str:token>/supprimer/", public.delete, name="delete"),
    path("suivi/<str:token>/avis/", public.rate, name="rate"),
    # Advisers of partner teams.
    path("recues/", adviser.inbox, name="inbox"),
    path("recues/<id:pk>/", adviser.detail, name="detail"),
    path("recues/<id:pk>/prendre/", adviser.take, name="take"),
    path("recues/<id:pk>/decliner/", adviser.decline, name="decline"),
    path("recues/<id:pk>/clore/", adviser.close, name="close"),
    # The CRESS: board, routing by hand, referencing of partners.
    path("pilotage/", board.board, name="board"),
    path("pilotage/export.<str:fmt>", board.export, name="export"),
    path("pilotage/<id:pk>/orienter/", board.route, name="route"),
    path("partenaires/", referencing.team_list, name="teams"),
    path("partenaires/nouvelle/", referencing.team_edit, name="team_new"),
    path("partenaires/<id:pk>/", referencing.team_edit, name="team_edit"),
    path("reglages/", referencing.settings_edit, name="settings"),
]
