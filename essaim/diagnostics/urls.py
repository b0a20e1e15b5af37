from django.urls import path

from essaim.diagnostics.views import documents, pilot, plan, regional, respondent, results, review, support

app_name = "diagnostics"

urlpatterns = [
    # The structure's pilot (an account): campaigns, invitations, results, plan.
    path("", pilot.home, name="home"),
    path("nouvelle/", pilot.campaign_new, name="campaign_new"),
    path("campagne/<id:pk>/", pilot.campaign, name="campaign"),
    path("campagne/<id:pk>/inviter/", pilot.invite, name="invite"),
    path("campagne/<id:pk>/resultats/", results.results, name="results"),
    path("campagne/<id:pk>/consolider/<id:item>/", results.consolidate, name="consolidate"),
    path("campagne/<id:pk>/plan/", plan.plan, name="plan"),
    path("campagne/<id:pk>/plan/action/", plan.action_edit, name="action_new"),
    path("campagne/<id:pk>/plan/action/<id:action>/", plan.action_edit, name="action_edit"),
    path("campagne/<id:pk>/clore/", pilot.close, name="close"),
    path("campagne/<id:pk>/supprimer/", pilot.delete, name="delete"),
    path("campagne/<id:pk>/comparaison/", pilot.peers, name="peers"),
    # Advisers the structure invited: they read the consolidated diagnostic and the plan, and comment.
    path("campagne/<id:pk>/lecture/", review.review, name="review"),
    path("campagne/<id:pk>/conseillers/", review.advisers, name="advisers"),
    path("campagne/<id:pk>/conseillers/<id:adviser>/retirer/", review.adviser_delete, name="adviser_delete"),
    path("campagne/<id:pk>/accompagnement/", support.support, name="support"),
    path("campagne/<id:pk>/assemblee-generale/", documents.general_meeting, name="general_meeting"),
    path("campagne/<id:pk>/assemblee-generale.<str:fmt>", documents.general_meeting_file, name="general_meeting_file"),
    path("campagne/<id:pk>/note-salaries/", documents.staff_note, name="staff_note"),
    path("campagne/<id:pk>/note-salaries.<str:fmt>", documents.staff_note_file, name="staff_note_file"),
    path("campagne/<id:pk>/export/<slug:table>.<str:fmt>", documents.export, name="export"),
    # The CRESS: anonymised aggregates.
    path("region/", regional.regional, name="regional"),
    # A respondent (no account): their personal link.
    path("repondre/<str:token>/", respondent.answer, name="answer"),
    path("repondre/<str:token>/<slug:theme>/", respondent.theme, name="answer_theme"),
]
