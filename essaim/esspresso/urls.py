from django.urls import path

from essaim.esspresso.views import agenda, exports, onsite, organiser, public, space, stats, timetable, wishes

app_name = "esspresso"

# The personal space (`moi/<token>/…`) and the organiser's pages (`organisation/…`,
# `statistiques/`) come first: their routes have a fixed first segment, which an event's slug
# would otherwise capture.
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
    # The organiser's side (organisers of the event and the CRESS team).
    path("organisation/", organiser.manage_list, name="manage_list"),
    path("organisation/nouveau/", organiser.event_create, name="event_create"),
    path("organisation/<id:pk>/", organiser.manage, name="manage"),
    path("organisation/<id:pk>/modifier/", organiser.event_edit, name="event_edit"),
    path("organisation/<id:pk>/salle/", organiser.room, name="room"),
    path("organisation/<id:pk>/participants/", organiser.participants, name="participants"),
    path(
        "organisation/<id:pk>/participants/<id:participant>/statut/",
        organiser.participant_status,
        name="participant_status",
    ),
    path("organisation/<id:pk>/planning/", timetable.timetable, name="timetable"),
    path("organisation/<id:pk>/planning/calculer/", timetable.timetable_run, name="timetable_run"),
    path("organisation/<id:pk>/planning/publier/", timetable.timetable_publish, name="timetable_publish"),
    path("organisation/<id:pk>/planning/ajouter/", timetable.appointment_add, name="appointment_add"),
    path("organisation/<id:pk>/planning/<id:appointment>/", timetable.appointment, name="appointment"),
    path("organisation/<id:pk>/jour-j/", onsite.onsite, name="onsite"),
    path("organisation/<id:pk>/jour-j/arrivee/<id:participant>/", onsite.onsite_arrival, name="onsite_arrival"),
    path("organisation/<id:pk>/jour-j/presence/<id:seat>/", onsite.onsite_attendance, name="onsite_attendance"),
    path("organisation/<id:pk>/jour-j/sur-place/", onsite.onsite_rematch, name="onsite_rematch"),
    path("organisation/<id:pk>/export/<slug:what>.<slug:fmt>", exports.export, name="export"),
    path("organisation/<id:pk>/badges.pdf", exports.badges, name="badges"),
    path("organisation/<id:pk>/plan-des-tables.pdf", exports.table_plan, name="table_plan"),
    path("organisation/<id:pk>/statistiques/", stats.event_stats, name="event_stats"),
    path("statistiques/", stats.stats, name="stats"),
    # An event's public pages.
    path("<slug:slug>/", public.event, name="event"),
    path("<slug:slug>/inscription/", public.register, name="register"),
    path("<slug:slug>/retrouver/", public.link_request, name="link_request"),
]
