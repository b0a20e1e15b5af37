"""The advisers' pages: the requests their teams received, one request, and the answers (take it
in hand, "pas pour nous", close it), with the requester told; another team's request stays out of
reach; a first-time adviser sets a password from the e-mail and lands on their requests."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.contrib.auth import SESSION_KEY
from django.core import mail
from django.urls import reverse

from essaim.referrals.models import Dispatch, Referral, ReferralSettings
from essaim.referrals.services import referral_decline, referral_take
from tests.accounts.factories import PASSWORD, UserFactory
from tests.referrals.factories import make_referral, make_team

pytestmark = pytest.mark.django_db

S = Referral.Status
OTHER_NEED = "recruter_rh_benevolat"


def adviser_of(team):  # type: ignore[no-untyped-def]
    return team.advisers.get()


def detail_url(referral: Referral) -> str:
    return reverse("referrals:detail", args=[referral.pk])


def action_url(name: str, referral: Referral) -> str:
    return reverse(f"referrals:{name}", args=[referral.pk])


def mail_to(address: str) -> list[mail.EmailMessage]:
    return [message for message in mail.outbox if address in message.to]


@pytest.fixture
def two_teams(setting):  # type: ignore[no-untyped-def]
    """Two partners of Loire-Atlantique that handle the same need: a request from Nantes reaches
    both."""
    return make_team(), make_team()


# The inbox -----------------------------------------------------------------------------------


def test_the_inbox_lists_only_the_requests_sent_to_my_teams(setting, client):
    mine = make_team()
    theirs = make_team(needs=[OTHER_NEED])
    for_me = make_referral(commune=setting.nantes).referral
    for_them = make_referral(commune=setting.nantes, need=OTHER_NEED).referral
    assert list(for_them.dispatches.values_list("team", flat=True)) == [theirs.pk]

    client.force_login(adviser_of(mine))
    page = client.get(reverse("referrals:inbox"))

    assert page.status_code == 200
    html = page.content.decode()
    assert detail_url(for_me) in html and detail_url(for_them) not in html
    assert "Financer le démarrage" in html and "financer_demarrage" not in html
    assert "Nantes" in html and "aujourd'hui" in html
    assert re.search(r"À traiter <span[^>]*>\(1\)", html)


def test_the_inbox_groups_requests_by_state_with_their_age(setting, client, two_teams):
    first, second = two_teams
    waiting = make_referral(commune=setting.nantes).referral
    four_days_ago = waiting.sent_at - timedelta(days=4)
    Referral.objects.filter(pk=waiting.pk).update(sent_at=four_days_ago)
    Dispatch.objects.filter(referral=waiting).update(sent_at=four_days_ago)
    taken = make_referral(commune=setting.nantes).referral
    referral_take(referral=taken, team=first, by=adviser_of(first))
    declined = make_referral(commune=setting.nantes).referral
    referral_decline(referral=declined, team=first, by=adviser_of(first), reason="disponibilite")

    client.force_login(adviser_of(first))
    inbox = reverse("referrals:inbox")
    to_do = client.get(inbox).content.decode()
    in_hand = client.get(inbox, {"etat": "prises"}).content.decode()
    done = client.get(inbox, {"etat": "closes"}).content.decode()
    everything = client.get(inbox, {"etat": "toutes"}).content.decode()

    assert detail_url(waiting) in to_do and "depuis 4 jours" in to_do
    assert detail_url(taken) not in to_do and detail_url(declined) not in to_do
    assert detail_url(taken) in in_hand and "Prise en charge par votre équipe" in in_hand
    assert detail_url(declined) in done and "Pas pour nous" in done
    assert all(detail_url(referral) in everything for referral in (waiting, taken, declined))
    assert re.search(r"Toutes <span[^>]*>\(3\)", everything)

    client.force_login(adviser_of(second))
    seen_by_the_other = client.get(inbox, {"etat": "toutes"}).content.decode()
    assert "Prise en charge par une autre équipe" in seen_by_the_other


def test_an_unknown_state_in_the_query_shows_the_requests_to_handle(setting, client):
    team = make_team()
    referral = make_referral(commune=setting.nantes).referral
    client.force_login(adviser_of(team))

    page = client.get(reverse("referrals:inbox"), {"etat": "<script>", "page": "x" * 300})

    assert page.status_code == 200 and detail_url(referral) in page.content.decode()


def test_the_inbox_is_paginated(setting, client, monkeypatch):
    from essaim.referrals.views import adviser

    monkeypatch.setattr(adviser, "PAGE_SIZE", 2)
    team = make_team()
    for number in range(3):
        make_referral(commune=setting.nantes, email=f"p{number}@example.org")
    client.force_login(adviser_of(team))

    first = client.get(reverse("referrals:inbox")).content.decode()
    second = client.get(reverse("referrals:inbox"), {"page": 2}).content.decode()

    assert "Page 1 sur 2" in first and "Page 2 sur 2" in second
    assert first.count('<th scope="row">') == 2 and second.count('<th scope="row">') == 1


def test_the_cress_sees_every_request_in_the_inbox(setting, client):
    make_team()
    referral = make_referral(commune=setting.nantes).referral
    nobodys = make_referral(commune=setting.angers).referral
    assert nobodys.status == S.TO_ROUTE
    client.force_login(UserFactory(platform_admin=True))

    html = client.get(reverse("referrals:inbox")).content.decode()

    assert detail_url(referral) in html and detail_url(nobodys) in html
    assert client.get(detail_url(nobodys)).status_code == 200


# Who may come in -----------------------------------------------------------------------------


def test_an_anonymous_visitor_is_sent_to_the_login_page(setting, client):
    make_team()
    referral = make_referral(commune=setting.nantes).referral
    for url in (reverse("referrals:inbox"), detail_url(referral)):
        answer = client.get(url)
        assert answer.status_code == 302
        assert answer["Location"].startswith(reverse("accounts:login"))
    assert client.post(action_url("take", referral)).status_code == 302
    assert Referral.objects.get().status == S.SENT


def test_a_logged_in_person_who_is_no_adviser_is_refused(setting, client):
    client.force_login(UserFactory())

    answer = client.get(reverse("referrals:inbox"))

    assert answer.status_code == 403
    assert "Accès refusé" in answer.content.decode()


def test_another_teams_request_is_not_found_on_its_page_nor_by_any_action(setting, client):
    make_team()
    stranger = make_team(needs=[OTHER_NEED])
    referral = make_referral(commune=setting.nantes).referral
    client.force_login(adviser_of(stranger))

    assert client.get(detail_url(referral)).status_code == 404
    assert client.post(action_url("take", referral)).status_code == 404
    assert client.post(action_url("decline", referral), {"decliner-reason": "autre"}).status_code == 404
    assert client.post(action_url("close", referral), {"clore-outcome": "accompagne"}).status_code == 404
    assert Referral.objects.get().status == S.SENT


def test_hostile_ids_are_not_found(setting, client):
    team = make_team()
    client.force_login(adviser_of(team))
    base = reverse("referrals:inbox")

    assert client.get(f"{base}99999999999999999999/").status_code == 404
    assert client.get(f"{base}0/").status_code == 404
    for action in ("prendre", "decliner", "clore"):
        assert client.post(f"{base}99999999999999999999/{action}/").status_code == 404
        assert client.post(f"{base}123456789/{action}/").status_code == 404


def test_actions_take_posts_only(setting, client):
    team = make_team()
    referral = make_referral(commune=setting.nantes).referral
    client.force_login(adviser_of(team))

    for name in ("take", "decline", "close"):
        assert client.get(action_url(name, referral)).status_code == 405
    assert Referral.objects.get().status == S.SENT


# One request ---------------------------------------------------------------------------------


def test_the_request_page_shows_everything_in_french(setting, client):
    team = make_team()
    referral = make_referral(
        commune=setting.nantes,
        stage="creation",
        audience="association",
        legal_form="9220",
        years=3,
        employees=12,
        description="Première ligne.\nDeuxième ligne.",
        project_name="L'Épicerie du coin",
        phone="02 40 00 00 00",
    ).referral
    client.force_login(adviser_of(team))

    html = client.get(detail_url(referral)).content.decode()

    for text in (
        "Financer le démarrage",
        "Création / lancement",
        "Association déclarée",
        "3 ans",
        "12",
        "Nantes",
        "Première ligne.<br>Deuxième ligne.",
        "Camille Porteur",
        "L&#x27;Épicerie du coin",
        referral.email,
        "02 40 00 00 00",
        "Prendre en charge",
        "Pas pour nous",
    ):
        assert text in html, text
    assert ">Association<" in html or "Association\n" in html
    for slug in ("financer_demarrage", "creation<", "9220"):
        assert slug not in html


def test_an_adviser_takes_a_request_in_hand_and_the_requester_is_told(setting, client, two_teams):
    first, second = two_teams
    referral = make_referral(commune=setting.nantes).referral
    mail.outbox.clear()
    client.force_login(adviser_of(first))

    answer = client.post(action_url("take", referral), follow=True)

    assert answer.redirect_chain[-1][0] == detail_url(referral)
    assert "Vous avez pris la demande en charge" in answer.content.decode()
    referral.refresh_from_db()
    assert referral.status == S.TAKEN and referral.taken_team == first and referral.taken_by == adviser_of(first)
    told = mail_to(referral.email)
    assert len(told) == 1 and adviser_of(first).email in told[0].body
    assert "Clore la demande" in answer.content.decode()

    client.force_login(adviser_of(second))
    other_page = client.get(detail_url(referral)).content.decode()
    assert "Prendre en charge</button>" not in other_page
    assert "Prise en charge" in other_page


def test_a_request_taken_by_another_team_cannot_be_taken(setting, client, two_teams):
    first, second = two_teams
    referral = make_referral(commune=setting.nantes).referral
    referral_take(referral=referral, team=first, by=adviser_of(first))
    client.force_login(adviser_of(second))

    answer = client.post(action_url("take", referral))

    assert answer.status_code == 409
    assert "déjà prise en charge" in answer.content.decode()
    referral.refresh_from_db()
    assert referral.taken_team == first


def test_an_adviser_of_several_receiving_teams_chooses_the_team(setting, client):
    adviser = UserFactory()
    first, second = make_team(advisers=[adviser]), make_team(advisers=[adviser])
    referral = make_referral(commune=setting.nantes).referral
    client.force_login(adviser)

    page = client.get(detail_url(referral)).content.decode()
    assert "Pour l&#x27;équipe" in page and second.name in page

    assert client.post(action_url("take", referral)).status_code == 400
    assert client.post(action_url("take", referral), {"prendre-team": "99999999999999999999"}).status_code == 400
    answer = client.post(action_url("take", referral), {"prendre-team": second.pk})

    assert answer.status_code == 302
    referral.refresh_from_db()
    assert referral.taken_team == second and first.dispatches.get().status == Dispatch.Status.ENDED


def test_declining_sends_the_request_on_and_tells_the_requester(setting, client):
    ReferralSettings.objects.update_or_create(pk=1, defaults={"max_partners": 1})
    first, second = make_team(), make_team()
    referral = make_referral(commune=setting.nantes).referral
    assert list(referral.dispatches.values_list("team", flat=True)) == [first.pk]
    mail.outbox.clear()
    client.force_login(adviser_of(first))

    answer = client.post(
        action_url("decline", referral),
        {"decliner-reason": "competences", "decliner-note": "Nous ne finançons que l'agriculture."},
    )

    assert answer.status_code == 302 and answer["Location"] == reverse("referrals:inbox")
    dispatch = first.dispatches.get()
    assert dispatch.status == Dispatch.Status.DECLINED and dispatch.decline_reason == "competences"
    assert second.dispatches.get().status == Dispatch.Status.PENDING
    assert len(mail_to(referral.email)) == 1
    assert mail_to(adviser_of(second).email)

    own_page = client.get(detail_url(referral)).content.decode()
    assert "Nous ne finançons que l&#x27;agriculture." in own_page
    client.force_login(adviser_of(second))
    their_page = client.get(detail_url(referral)).content.decode()
    assert "agriculture" not in their_page and "hors de nos compétences" not in their_page
    assert "pas pour nous" in their_page


def test_declining_without_a_known_reason_is_refused_in_french(setting, client):
    team = make_team()
    referral = make_referral(commune=setting.nantes).referral
    client.force_login(adviser_of(team))

    missing = client.post(action_url("decline", referral), {"decliner-note": "x"})
    unknown = client.post(action_url("decline", referral), {"decliner-reason": "n'importe quoi"})
    too_long = client.post(action_url("decline", referral), {"decliner-reason": "autre", "decliner-note": "x" * 1001})

    assert missing.status_code == unknown.status_code == too_long.status_code == 400
    assert "Choisissez la raison" in missing.content.decode()
    assert "Choisissez une raison dans la liste" in unknown.content.decode()
    assert team.dispatches.get().status == Dispatch.Status.PENDING


def test_the_adviser_in_charge_closes_the_request_and_the_requester_is_told(setting, client):
    team = make_team()
    referral = make_referral(commune=setting.nantes).referral
    referral_take(referral=referral, team=team, by=adviser_of(team))
    mail.outbox.clear()
    client.force_login(adviser_of(team))

    refused = client.post(action_url("close", referral), {"clore-outcome": "perdu"})
    assert refused.status_code == 400 and "Choisissez une issue" in refused.content.decode()

    answer = client.post(action_url("close", referral), {"clore-outcome": "accompagne", "clore-note": "Dossier suivi."})

    assert answer.status_code == 302 and answer["Location"] == detail_url(referral)
    referral.refresh_from_db()
    assert referral.status == S.CLOSED and referral.outcome == "accompagne"
    assert len(mail_to(referral.email)) == 1 and "accompagné·e" in mail_to(referral.email)[0].body
    page = client.get(detail_url(referral)).content.decode()
    assert "Clore la demande" not in page and "Historique de la demande" in page and "Close" in page


def test_a_request_not_yet_taken_cannot_be_closed_by_an_adviser(setting, client):
    team = make_team()
    referral = make_referral(commune=setting.nantes).referral
    client.force_login(adviser_of(team))

    assert "Clore la demande" not in client.get(detail_url(referral)).content.decode()
    answer = client.post(action_url("close", referral), {"clore-outcome": "accompagne"})

    assert answer.status_code == 409
    assert "Vous ne pouvez pas faire ce changement" in answer.content.decode()
    assert Referral.objects.get().status == S.SENT


def test_the_history_shows_who_took_the_request_in_hand(setting, client):
    team = make_team()
    referral = make_referral(commune=setting.nantes).referral
    client.force_login(adviser_of(team))
    client.post(action_url("take", referral))

    html = client.get(detail_url(referral)).content.decode()

    assert "Historique de la demande" in html
    assert adviser_of(team).get_full_name() in html


# A first-time adviser --------------------------------------------------------------------------


def test_a_first_time_adviser_sets_a_password_from_the_email_and_lands_on_the_inbox(setting, client):
    newcomer = UserFactory(email="nouvelle@example.org", full_name="Nouvelle Conseillère")
    newcomer.set_unusable_password()
    newcomer.save()
    make_team(advisers=[newcomer])
    referral = make_referral(commune=setting.nantes).referral

    (invitation,) = mail_to("nouvelle@example.org")
    link = re.search(r"https?://\S+/mot-de-passe/nouveau/\S+/\S+/", invitation.body)
    assert link is not None, invitation.body
    path = link.group(0).split("://", 1)[1].split("/", 1)[1]

    form_page = client.get("/" + path, follow=True)
    assert form_page.status_code == 200
    set_url = form_page.redirect_chain[-1][0]
    done = client.post(set_url, {"new_password1": PASSWORD, "new_password2": PASSWORD})
    assert done.status_code == 302 and done["Location"] == reverse("accounts:password_reset_complete")
    newcomer.refresh_from_db()
    assert newcomer.has_usable_password()

    logged_in = client.post(reverse("accounts:login"), {"username": newcomer.email, "password": PASSWORD})
    assert logged_in.status_code == 302 and logged_in["Location"] == reverse("referrals:inbox")
    assert client.session[SESSION_KEY] == str(newcomer.pk)
    assert detail_url(referral) in client.get(reverse("referrals:inbox")).content.decode()


def test_an_adviser_with_a_password_gets_no_password_link(setting):
    team = make_team()
    make_referral(commune=setting.nantes)

    (message,) = mail_to(adviser_of(team).email)
    assert "mot-de-passe" not in message.body
