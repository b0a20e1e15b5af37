from django.urls import path

from essaim.esspresso.views import exports, onsite, organiser, stats, timetable

app_name = "esspresso"

urlpatterns: list = [
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
]
