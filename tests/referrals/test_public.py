"""The project leader's side, through the browser's eyes (the test client): the request form,
prefilled from the guided path or an offer, and the private page where they follow, withdraw,
delete and rate their request."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from essaim.referrals.models import Dispatch, Referral, Source
from essaim.referrals.services import referral_close, referral_take
from tests.catalog.factories import make_offer
from tests.organisations.factories import OrganisationFactory
from tests.referrals.factories import make_team

pytestmark = pytest.mark.django_db

S = Referral.Status
NEW = reverse("referrals:new")
REQUEST = {
    "need": "financer_demarrage",
    "stage": "creation",
    "audience": "association",
    "commune": "44109",
    "project_name": "L'Épicerie du quai",
    "description": "Nous ouvrons une épicerie solidaire et cherchons un premier financement.",
    "name": "Camille Porteur",
    "email": "camille@example.org",
    "phone": "",
    "consent": "on",
}


def html(response) -> str:  # type: ignore[no-untyped-def]
    return response.content.decode()


def messages_of(response) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(message) for message in response.context["messages"]]


def test_the_guided_paths_answers_prefill_the_form(client, setting):
    query = (
        "needs=tresorerie&needs=financer_demarrage&stage=creation&audience=association"
        "&commune=44109&years=2&employees=3&origine=parcours"
    )
    response = client.get(f"{NEW}?{query}")
    assert response.status_code == 200
    form = response.context["form"]
    assert form.initial["need"] == "tresorerie"  # the first need chosen
    assert (form.initial["stage"], form.initial["audience"]) == ("creation", "association")
    assert form.initial["commune"] == setting.nantes
    assert (form.initial["years"], form.initial["employees"]) == (2, 3)
    page = html(response)
    assert page.count('value="financer_demarrage"') == 1
    assert 'value="Nantes (44)"' in page
    assert "Vous aviez aussi choisi : Financer le démarrage." in page
    assert 'name="origine" value="parcours"' in page


def test_the_whole_journey_from_the_form_to_a_rated_request(client, setting):
    team = make_team(phone="02 40 00 00 00", email="accueil@partenaire.example")
    adviser = team.advisers.get()

    response = client.post(NEW, {**REQUEST, "origine": "parcours"}, follow=True)
    referral = Referral.objects.get()
    assert response.redirect_chain[-1][0] == referral.get_absolute_url()
    assert "Votre demande est envoyée. Un e-mail de confirmation vous a été envoyé." in messages_of(response)
    assert (referral.source, referral.status, referral.consent) == (Source.ORIENTATION, S.SENT, True)
    page = html(response)
    assert "Transmise à 1 partenaire</strong>" in page
    assert "En attente de prise en charge." in page
    assert "Nous ouvrons une épicerie solidaire" in page
    assert response["Cache-Control"] == "private, no-store" or "no-store" in response["Cache-Control"]

    referral_take(referral=referral, team=team, by=adviser)
    page = html(client.get(referral.get_absolute_url()))
    assert "Prise en charge</strong>" in page
    assert team.organisation.name in page and adviser.full_name in page and adviser.email in page
    assert "02 40 00 00 00" in page and "accueil@partenaire.example" in page
    assert "vous a-t-il été utile" not in page  # too early

    Referral.objects.filter(pk=referral.pk).update(taken_at=timezone.now() - timedelta(days=46))
    page = html(client.get(referral.get_absolute_url()))
    assert 'id="avis"' in page and "Cet accompagnement vous a-t-il été utile" in page
    response = client.post(reverse("referrals:rate", args=[referral.token]), {"useful": "oui"})
    assert response.status_code == 302 and response["Location"].endswith("#avis")
    referral.refresh_from_db()
    assert referral.useful is True
    assert "Votre réponse : <strong>oui</strong>" in html(client.get(referral.get_absolute_url()))

    response = client.post(reverse("referrals:withdraw", args=[referral.token]), follow=True)
    referral.refresh_from_db()
    assert referral.status == S.WITHDRAWN
    assert "Retirée</strong> par vous" in html(response)

    response = client.post(reverse("referrals:delete", args=[referral.token]))
    assert response.status_code == 200 and "Votre demande est supprimée" in html(response)
    assert not Referral.objects.exists()
    assert client.get(referral.get_absolute_url()).status_code == 404


def test_a_request_nobody_handles_says_the_cress_reads_it(client, setting):
    response = client.post(NEW, REQUEST, follow=True)
    assert Referral.objects.get().status == S.TO_ROUTE
    assert "Transmise à l'équipe de la CRESS</strong>" in html(response)


def test_a_request_without_email_asks_to_keep_the_link(client, setting):
    make_team()
    response = client.post(NEW, {**REQUEST, "email": "", "phone": "06 12 34 56 78"}, follow=True)
    referral = Referral.objects.get()
    assert messages_of(response) == ["Votre demande est envoyée."]
    page = html(response)
    assert "cette page est le seul moyen de suivre votre demande" in page
    assert referral.get_absolute_url() in page


def test_the_same_request_the_same_day_is_merged_without_giving_its_link_away(client, setting, mailoutbox):
    """Whoever types someone's address must not reach their request: the addition is kept, the
    contact is not changed, and the private link goes only to the request's own address."""
    make_team()
    client.post(NEW, REQUEST, follow=True)
    referral = Referral.objects.get()
    mailoutbox.clear()
    response = client.post(
        NEW, {**REQUEST, "phone": "06 99 99 99 99", "description": "Une précision : nous sommes quatre."}
    )
    assert response.status_code == 200
    page = html(response)
    assert "Vos précisions sont ajoutées à votre demande" in page
    assert referral.token not in page
    referral.refresh_from_db()
    assert Referral.objects.count() == 1
    assert "nous sommes quatre" in referral.description and "Ajouté par le formulaire" in referral.description
    assert referral.phone != "06 99 99 99 99"
    [message] = mailoutbox
    assert message.to == [referral.email] and referral.get_absolute_url() in message.body
    assert "nous sommes quatre" not in message.body


def test_a_robot_filling_the_honeypot_gets_the_usual_answer_and_nothing_is_sent(client, setting, mailoutbox):
    make_team()
    response = client.post(NEW, {**REQUEST, "website": "https://spam.example"}, follow=True)
    assert response.status_code == 200
    assert messages_of(response) == ["Votre demande est envoyée."]
    assert not Referral.objects.exists() and not mailoutbox


def test_too_many_requests_for_one_address_get_the_form_back_as_typed_with_a_429(client, setting, settings):
    settings.RATE_LIMIT_PER_ADDRESS = 2
    needs = ["financer_demarrage", "tresorerie", "recruter_rh_benevolat"]
    responses = [
        client.post(NEW, {**REQUEST, "need": need}, REMOTE_ADDR=f"10.0.0.{number}")
        for number, need in enumerate(needs, start=1)
    ]
    assert [response.status_code for response in responses] == [302, 302, 429]
    page = html(responses[-1])
    assert "Trop de demandes" in page
    assert "Nous ouvrons une épicerie solidaire" in page and 'value="camille@example.org"' in page
    assert Referral.objects.count() == 2


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"email": "", "phone": ""}, "email", "Indiquez une adresse e-mail ou un numéro de téléphone"),
        ({"commune": "Zzzville"}, "commune", "Aucune commune ne s'appelle « Zzzville »"),
        ({"commune": ""}, "commune", "Indiquez la commune de votre projet."),
        ({"description": "é" * 5001}, "description", "La description compte 5001 caractères"),
        ({"consent": ""}, "consent", "Votre accord est nécessaire"),
        ({"need": "licorne"}, "need", "Choisissez votre besoin dans la liste."),
        ({"phone": "appelez-moi"}, "phone", "Le numéro de téléphone ne peut contenir que des chiffres"),
        ({"years": "99999"}, "years", "300"),
    ],
)
def test_a_refused_request_comes_back_in_french_with_everything_typed(client, setting, change, field, message):
    response = client.post(NEW, {**REQUEST, **change})
    assert response.status_code == 400
    errors = response.context["form"].errors[field]
    assert any(message in error for error in errors)
    page = html(response)
    assert "L&#x27;Épicerie du quai" in page and 'value="Camille Porteur"' in page
    if "description" in change:
        assert change["description"] in page
    else:
        assert "Nous ouvrons une épicerie solidaire" in page
    assert not Referral.objects.exists()


def test_control_characters_are_removed_and_hostile_query_values_ignored(client, setting):
    make_team()
    response = client.post(NEW, {**REQUEST, "description": "Bonjour\x07\x1b monde", "name": "Zoé\x08"})
    assert response.status_code == 302
    referral = Referral.objects.get()
    assert (referral.description, referral.name) == ("Bonjour monde", "Zoé")
    hostile = (
        "needs=%3Cscript%3E&stage=../../etc&audience=%E2%80%AE&commune=999999999999"
        "&years=%D9%A3&employees=99999999999999999999999&offre=-1"
    )
    response = client.get(f"{NEW}?{hostile}")
    assert response.status_code == 200
    initial = response.context["form"].initial
    assert not set(initial) & {"need", "stage", "audience", "commune", "years", "employees", "offre"}
    assert client.get(f"{NEW}?offre=99999999999999999999999999").status_code == 200


def test_a_request_from_an_offer_goes_to_its_operator_first(client, setting):
    operator = OrganisationFactory(name="France Active Pays de la Loire")
    others = [make_team(territories=[("region", "52")]) for _ in range(3)]
    own = make_team(organisation=operator, territories=[("region", "52")])
    offer = make_offer("Prêt d'honneur solidaire", types=["pret"], needs=["financer_demarrage"], operator=operator)

    response = client.get(f"{NEW}?offre={offer.pk}&needs=financer_demarrage")
    assert response.status_code == 200
    page = html(response)
    assert "« Prêt d&#x27;honneur solidaire »" in page and offer.get_absolute_url() in page
    assert response.context["form"].initial["need"] == "financer_demarrage"
    assert f'name="offre" value="{offer.pk}"' in page

    client.post(NEW, {**REQUEST, "offre": offer.pk})
    referral = Referral.objects.get()
    assert referral.source == Source.OFFER
    assert (referral.context_kind, referral.context_id, referral.context_label) == (
        "offre",
        offer.pk,
        "Prêt d'honneur solidaire",
    )
    assert referral.context_url == offer.get_absolute_url() and referral.preferred_partner == operator
    teams = list(Dispatch.objects.filter(referral=referral).values_list("team", flat=True))
    assert teams[0] == own.pk and len(teams) == 3 and set(teams[1:]) < {team.pk for team in others}
    assert "Prêt d&#x27;honneur solidaire" in html(client.get(referral.get_absolute_url()))


def test_an_offer_not_published_gives_no_context(client, setting):
    offer = make_offer("Brouillon", types=["pret"], status="draft")
    response = client.get(f"{NEW}?offre={offer.pk}")
    assert response.context["offer"] is None
    client.post(NEW, {**REQUEST, "offre": offer.pk})
    referral = Referral.objects.get()
    assert (referral.source, referral.context_kind, referral.preferred_partner) == (Source.FORM, "", None)


def test_an_unknown_link_is_a_french_404(client, setting):
    for token in ("inconnu", "x" * 200):
        response = client.get(reverse("referrals:follow", args=[token]))
        assert response.status_code == 404
        assert "Page introuvable" in html(response)
    assert client.post(reverse("referrals:withdraw", args=["inconnu"])).status_code == 404


def test_withdraw_delete_and_rate_answer_only_a_post(client, setting):
    make_team()
    client.post(NEW, REQUEST)
    token = Referral.objects.get().token
    for name in ("withdraw", "delete", "rate"):
        assert client.get(reverse(f"referrals:{name}", args=[token])).status_code == 405
    assert Referral.objects.get().status == S.SENT


def test_refused_moves_say_why(client, setting):
    team = make_team()
    client.post(NEW, REQUEST)
    referral = Referral.objects.get()
    url = reverse("referrals:rate", args=[referral.token])
    response = client.post(url, {"useful": "oui"})
    assert response.status_code == 409
    assert "quelques semaines après la prise en charge" in html(response)
    assert client.post(url, {"useful": "peut-être"}).status_code == 400

    adviser = team.advisers.get()
    referral_take(referral=referral, team=team, by=adviser)
    assert client.post(url, {"useful": "oui"}).status_code == 409  # taken today: too early to tell
    referral_close(referral=referral, by=adviser, outcome="accompagne")
    response = client.post(reverse("referrals:withdraw", args=[referral.token]))
    assert response.status_code == 409
    assert Referral.objects.get().status == S.CLOSED
    page = html(response)
    assert 'role="alert"' in page and "Close</strong>" in page
    assert "Retirer ma demande" not in page  # a closed request can only be deleted


def test_the_satisfaction_question_shows_once_its_email_left(client, setting):
    team = make_team()
    client.post(NEW, REQUEST)
    referral = Referral.objects.get()
    referral_take(referral=referral, team=team, by=team.advisers.get())
    Referral.objects.filter(pk=referral.pk).update(satisfaction_sent_at=timezone.now())
    client.post(reverse("referrals:rate", args=[referral.token]), {"useful": "non"})
    page = html(client.get(referral.get_absolute_url()))
    assert "Votre réponse : <strong>non</strong>" in page


@pytest.mark.parametrize("hidden", [{"offre": "-3"}, {"offre": "1" * 23}, {"origine": "evil"}])
def test_an_altered_hidden_field_is_ignored_not_an_error_nobody_can_correct(client, setting, hidden):
    make_team()
    response = client.post(NEW, {**REQUEST, **hidden})
    assert response.status_code == 302
    assert Referral.objects.get().source == "formulaire"
