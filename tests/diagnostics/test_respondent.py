"""A respondent's pages, reached by their personal link without an account: the welcome page
with their progress, one page per theme saved as they go and prefilled when they come back; a
refusal (campaign closed, item of another version) keeps what was typed; a respondent never
sees another's answers; bad input gets a French message, never an error page."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from html import unescape

import pytest
from django.urls import reverse

from essaim.diagnostics.models import Answer
from essaim.diagnostics.services import answer_save, campaign_close, respondent_invite
from tests.diagnostics.factories import make_bank, make_campaign

pytestmark = pytest.mark.django_db


@pytest.fixture
def bank(mail_at_once):  # type: ignore[no-untyped-def]
    return make_bank()


@pytest.fixture
def campaign(bank):  # type: ignore[no-untyped-def]
    return make_campaign(bank, closes_on=date(2026, 6, 30))


@pytest.fixture
def respondent(campaign):  # type: ignore[no-untyped-def]
    return respondent_invite(campaign=campaign, email="sam@example.org", name="Sam", role="salarie", by=campaign.pilot)


def html(response) -> str:  # type: ignore[no-untyped-def]
    return response.content.decode()


def text(response) -> str:  # type: ignore[no-untyped-def]
    """The page as read: entities decoded, French typography's no-break spaces as spaces."""
    return unescape(html(response)).replace("\u00a0", " ").replace("\u202f", " ")


def theme_url(respondent, code: str = "gouvernance") -> str:  # type: ignore[no-untyped-def]
    return reverse("diagnostics:answer_theme", args=[respondent.token, code])


def governance_post(bank, **fields: str) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """The governance page as a browser posts it: every item, its text boxes (empty or not)."""
    data: dict[str, object] = {"item": [], **fields}
    for code in ("gouvernance-q1", "gouvernance-q2", "gouvernance-indicateur"):
        pk = bank.items[code].pk
        data["item"].append(str(pk))  # type: ignore[attr-defined]
        data.setdefault(f"item-{pk}-practices", "")
    data.setdefault(f"item-{bank.items['gouvernance-indicateur'].pk}-value", "")
    return data


def field(bank, code: str, name: str) -> str:  # type: ignore[no-untyped-def]
    return f"item-{bank.items[code].pk}-{name}"


def test_an_unknown_link_or_theme_is_a_french_404(client, respondent, bank):
    for token in ("inconnu", "x" * 200):
        for url in (
            reverse("diagnostics:answer", args=[token]),
            reverse("diagnostics:answer_theme", args=[token, "gouvernance"]),
        ):
            response = client.get(url)
            assert response.status_code == 404
            assert "Page introuvable" in html(response)
    assert client.get(theme_url(respondent, "inconnu")).status_code == 404
    other = make_campaign(bank, year=2027, themes=[bank.governance]).respondents.get()
    assert client.get(theme_url(other, "environnement")).status_code == 404
    assert client.get(theme_url(other, "gouvernance")).status_code == 200


def test_the_welcome_page_presents_the_campaign_and_the_progress_theme_by_theme(client, respondent, bank):
    answer_save(respondent=respondent, item=bank.items["gouvernance-q1"], level="engage")
    for code in ("environnement-q1", "environnement-q2"):
        answer_save(respondent=respondent, item=bank.items[code], level="reflexion")
    answer_save(respondent=respondent, item=bank.items["environnement-indicateur"], value=Decimal("3"))
    response = client.get(respondent.get_absolute_url())
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    page = text(response)
    for expected in (
        "Autodiagnostic 2026 de La Ressourcerie du Port",
        "Salarié·e",
        "Ce n'est pas une note",
        "enregistrées au fur et à mesure",
        "30 juin 2026",
        "1 réponse sur 3",
        "terminé",
        "Reprendre où vous vous êtes arrêté·e",
    ):
        assert expected in page, expected
    # The link to continue opens the first theme not finished at its first unanswered item.
    assert f"{theme_url(respondent)}#item-{bank.items['gouvernance-q2'].pk}" in page


def test_a_respondent_sees_only_their_own_answers(client, respondent, campaign, bank):
    pilot = campaign.respondents.get(role="direction")
    answer_save(respondent=pilot, item=bank.items["gouvernance-q1"], level="evalue", practices="Le mot du pilote.")
    answer_save(
        respondent=respondent, item=bank.items["gouvernance-q1"], level="pas_encore", practices="Le mot de Sam."
    )
    page = html(client.get(theme_url(respondent)))
    assert "Le mot de Sam." in page and "Le mot du pilote." not in page
    assert 'value="pas_encore" id="id_item-{}-level_0" checked'.format(bank.items["gouvernance-q1"].pk) in page
    assert "1 réponse sur 3" in html(client.get(respondent.get_absolute_url()))
    page = html(client.get(theme_url(pilot)))
    assert "Le mot du pilote." in page and "Le mot de Sam." not in page


def test_saving_a_theme_records_levels_practices_a_decimal_comma_and_to_review(client, respondent, bank):
    data = governance_post(
        bank,
        **{
            field(bank, "gouvernance-q1", "level"): "engage",
            field(bank, "gouvernance-q1", "practices"): "  Une AG par an, ouverte aux salariés.  ",
            field(bank, "gouvernance-q1", "to_review"): "on",
            field(bank, "gouvernance-indicateur", "value"): "12,5",
        },
    )
    response = client.post(theme_url(respondent), data)
    assert response.status_code == 302
    assert response["Location"] == theme_url(respondent, "environnement")
    answers = {answer.item.code: answer for answer in Answer.objects.filter(respondent=respondent)}
    # The item left empty is not saved.
    assert set(answers) == {"gouvernance-q1", "gouvernance-indicateur"}
    q1 = answers["gouvernance-q1"]
    assert (q1.level, q1.practices, q1.to_review) == ("engage", "Une AG par an, ouverte aux salariés.", True)
    assert answers["gouvernance-indicateur"].value == Decimal("12.5")
    page = text(client.get(response["Location"]))
    assert "Vos réponses au thème « Gouvernance démocratique » sont enregistrées." in page


def test_answers_are_prefilled_when_the_respondent_comes_back(client, respondent, bank):
    data = governance_post(
        bank,
        **{
            field(bank, "gouvernance-q2", "level"): "ne_sait_pas",
            field(bank, "gouvernance-q2", "practices"): "À voir avec le bureau.",
            field(bank, "gouvernance-q2", "to_review"): "on",
            field(bank, "gouvernance-indicateur", "value"): "1 200,50",
            "rester": "1",
        },
    )
    response = client.post(theme_url(respondent), data)
    assert response["Location"] == theme_url(respondent)
    page = html(client.get(theme_url(respondent)))
    q2 = bank.items["gouvernance-q2"].pk
    assert f'value="ne_sait_pas" id="id_item-{q2}-level_5" checked' in page
    assert "À voir avec le bureau.</textarea>" in page
    assert f'name="item-{q2}-to_review" id="id_item-{q2}-to_review" checked' in page
    assert 'value="1200,5"' in page


def test_the_last_theme_leads_back_to_the_welcome_page(client, respondent, bank):
    pk = bank.items["environnement-q1"].pk
    response = client.post(theme_url(respondent, "environnement"), {"item": [str(pk)], f"item-{pk}-level": "formalise"})
    assert response["Location"] == respondent.get_absolute_url()


def test_a_closed_campaign_refuses_with_409_and_keeps_what_was_typed(client, respondent, campaign, bank):
    campaign_close(campaign=campaign, by=campaign.pilot)
    assert "La campagne est close" in text(client.get(theme_url(respondent)))
    data = governance_post(
        bank,
        **{
            field(bank, "gouvernance-q1", "level"): "engage",
            field(bank, "gouvernance-q1", "practices"): "Un long texte qu'on ne veut pas perdre.",
        },
    )
    response = client.post(theme_url(respondent), data)
    assert response.status_code == 409
    page = text(response)
    assert "La campagne est close : vos réponses ne peuvent plus être modifiées." in page
    assert "Un long texte qu'on ne veut pas perdre.</textarea>" in page
    assert not Answer.objects.exists()


def test_an_item_of_another_version_is_refused_and_nothing_is_saved(client, respondent, bank):
    newer = make_bank(version=2, current=False)
    data = governance_post(
        bank,
        **{
            field(bank, "gouvernance-q1", "level"): "engage",
            field(bank, "gouvernance-q1", "practices"): "Gardé à l'écran.",
            field(newer, "gouvernance-q1", "level"): "evalue",
            field(newer, "gouvernance-q1", "practices"): "",
        },
    )
    data["item"].append(str(newer.items["gouvernance-q1"].pk))  # type: ignore[attr-defined]
    response = client.post(theme_url(respondent), data)
    assert response.status_code == 409
    page = html(response)
    assert "Cette question ne fait pas partie de la campagne (autre version du référentiel)." in page
    assert "Gardé à l&#x27;écran.</textarea>" in page
    assert not Answer.objects.exists()


@pytest.mark.parametrize("posted", ["999999999999", "99999999999999999999999999", "abc", "-1"])
def test_an_unknown_item_id_is_refused_without_an_error_page(client, respondent, bank, posted):
    data = governance_post(bank, **{field(bank, "gouvernance-q1", "level"): "engage"})
    data["item"].append(posted)  # type: ignore[attr-defined]
    response = client.post(theme_url(respondent), data)
    assert response.status_code == 400
    assert "Cette question ne fait pas partie de la campagne" in html(response)
    assert not Answer.objects.exists()


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("douze", "n'est pas un nombre. Écrivez par exemple 12 ou 12,5."),
        ("NaN", "n'est pas un nombre"),
        ("Infinity", "n'est pas un nombre"),
        ("1e999999", "Écrivez le seul nombre"),
        ("12 €", "Unité « € » inattendue : cet indicateur se mesure en %"),
        ("1" * 30, "est trop long : 12 chiffres avant la virgule et 2 après, au plus."),
        ("9" * 5000, "est trop long"),
        ("12,555", "est trop long"),
    ],
)
def test_a_bad_figure_gets_a_french_message_on_its_field_and_nothing_is_saved(client, respondent, bank, value, message):
    data = governance_post(
        bank,
        **{
            field(bank, "gouvernance-q1", "level"): "engage",
            field(bank, "gouvernance-q1", "practices"): "Gardé.",
            field(bank, "gouvernance-indicateur", "value"): value,
        },
    )
    response = client.post(theme_url(respondent), data)
    assert response.status_code == 400
    page = html(response)
    name = field(bank, "gouvernance-indicateur", "value")
    assert message in text(response)
    assert f'aria-describedby="id_{name}_helptext id_{name}_error"' in page
    assert "Gardé.</textarea>" in page
    assert not Answer.objects.exists()


def test_hostile_text_and_levels_never_give_an_error_page(client, respondent, bank):
    level = field(bank, "gouvernance-q1", "level")
    response = client.post(theme_url(respondent), governance_post(bank, **{level: "<script>"}))
    assert response.status_code == 400
    assert "Choisissez un niveau dans la liste." in html(response)
    # Control characters are removed on the way in; a NUL is refused by the middleware.
    practices = field(bank, "gouvernance-q1", "practices")
    response = client.post(theme_url(respondent), governance_post(bank, **{practices: "Bonjour\x07\x1b monde"}))
    assert response.status_code == 302
    assert Answer.objects.get().practices == "Bonjour monde"
    response = client.post(theme_url(respondent), governance_post(bank, **{practices: "nul\x00"}))
    assert response.status_code == 400
    response = client.post(theme_url(respondent), governance_post(bank, **{practices: "x" * 3001}))
    assert response.status_code == 400
    assert Answer.objects.get().practices == "Bonjour monde"


def test_the_theme_page_is_semantic_and_private(client, respondent, bank):
    bank.items["gouvernance-q1"].about = "La gouvernance partagée."
    bank.items["gouvernance-q1"].save()
    response = client.get(theme_url(respondent))
    assert response["Cache-Control"] == "private, no-store"
    page = html(response)
    q1 = bank.items["gouvernance-q1"]
    assert re.search(rf'<fieldset class="diagnostic-item"\s+id="item-{q1.pk}"[^>]*>\s*<legend>', page)
    assert f'hx-target="#item-{q1.pk}-saved"' in page and f'id="item-{q1.pk}-saved" role="status"' in page
    assert f"<legend>{q1.text}</legend>" in page
    assert "<summary>En savoir plus</summary>" in page and "La gouvernance partagée." in page
    for label in ("Pas encore abordé", "Évalué et amélioré", "Je ne sais pas", "Non applicable", "À revoir"):
        assert f">{label}</label>" in page
    assert "Vos pratiques actuelles (facultatif)" in page
    assert "Valeur (en %)" in page and 'inputmode="decimal"' in page
    assert "Enregistrer et continuer" in page


def test_an_item_is_saved_alone_as_soon_as_it_is_answered(client, bank, respondent):
    q1, q2 = bank.items["gouvernance-q1"], bank.items["gouvernance-q2"]
    answer_save(respondent=respondent, item=q2, level="formalise")
    data = governance_post(bank, **{f"item-{q1.pk}-level": "engage", "enregistrer_item": str(q1.pk)})
    response = client.post(theme_url(respondent), data)  # the page's values, q2's level left blank
    assert response.status_code == 200 and "Réponse enregistrée à" in text(response)
    assert "<html" not in html(response)  # the status line only
    saved = {answer.item_id: answer.level for answer in Answer.objects.filter(respondent=respondent)}
    assert saved == {q1.pk: "engage", q2.pk: "formalise"}  # q2 untouched


@pytest.mark.parametrize(
    ("item", "fields", "status", "message"),
    [
        ("gouvernance-indicateur", {"value": "douze"}, 400, "n'est pas un nombre"),
        ("environnement-q1", {"level": "engage"}, 400, "ne fait pas partie de la campagne"),  # another theme
        (None, {}, 400, "ne fait pas partie de la campagne"),
    ],
)
def test_an_item_saved_alone_gets_a_french_status_when_refused(client, bank, respondent, item, fields, status, message):
    pk = bank.items[item].pk if item else "99999999999999999999999"
    data = governance_post(
        bank, enregistrer_item=str(pk), **{f"item-{pk}-{name}": value for name, value in fields.items()}
    )
    response = client.post(theme_url(respondent), data)
    assert response.status_code == status and message in text(response)
    assert not Answer.objects.filter(respondent=respondent).exists()


def test_an_item_saved_alone_after_the_campaign_closed_is_refused(client, bank, campaign, respondent):
    campaign_close(campaign=campaign, by=campaign.pilot)
    q1 = bank.items["gouvernance-q1"]
    data = governance_post(bank, **{f"item-{q1.pk}-level": "engage", "enregistrer_item": str(q1.pk)})
    response = client.post(theme_url(respondent), data)
    assert response.status_code == 409 and "La campagne est close" in text(response)
    assert not Answer.objects.exists()


def test_the_welcome_page_says_from_how_many_answers_a_role_shows(client, respondent):
    page = text(client.get(respondent.get_absolute_url()))
    assert "le rôle n'apparaît que si au moins 3 réponses à la question" in page


def test_an_item_ticked_then_unticked_leaves_no_empty_answer(client, bank, respondent):
    q1 = bank.items["gouvernance-q1"]
    response = client.post(theme_url(respondent), governance_post(bank, enregistrer_item=str(q1.pk)))
    assert response.status_code == 200 and not Answer.objects.exists()


def test_a_lost_link_answers_htmx_with_a_short_french_message_not_a_page(client, bank, respondent):
    url = theme_url(respondent).replace(respondent.token, "lien-perdu")
    response = client.post(url, {"enregistrer_item": "1"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 404
    assert html(response).startswith('<span class="fragment-error">') and "<main" not in html(response)
