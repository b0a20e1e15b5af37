from django.urls import path

from essaim.esspresso.views import agenda, public, space, wishes

app_name = "esspresso"

# The personal space (`moi/<token>/…`) comes first: its routes have a fixed first segment.
urlpatterns = [
    path("", public.events, name="events"),
    path("moi/<slug:token>/", space.space, name="space"),
    path("moi/<slug:token>/profil/", space.profile, name="profile"),
    path("moi/<slug:token>/annuler/", space.cancel, name="cancel"),
    path("moi/<slug:token>/participants/", wishes.directory_view, name="directory"),
    path("moi/<slug:token>/participants/<id:pk>/", wishes.participant_view, name="participant"),
    path("moi/<slug:token>/demandes/", wishes.wishes, name="wishes"),
    path("moi/<slug:token>/demandes/<id:pk>/reponse/", wishes.wish_answer, name="wish_answer"),
    path("moi/<slug:token>/demandes/<id:pk>/retrait/", wishes.wish_withdraw, name="wish_withdraw"),
    path("moi/<slug:token>/agenda/", agenda.agenda, name="agenda"),
    path("moi/<slug:token>/agenda.ics", agenda.agenda_ics, name="agenda_ics"),
    path("moi/<slug:token>/agenda.pdf", agenda.agenda_pdf_view, name="agenda_pdf"),
    path("moi/<slug:token>/avis/", space.feedback, name="feedback"),
    path("<slug:slug>/", public.event, name="event"),
    path("<slug:slug>/inscription/", public.register, name="register"),
    path("<slug:slug>/retrouver/", public.link_request, name="link_request"),
]
