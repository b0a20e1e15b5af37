"""An operator's edit of a published offer: it waits for the CRESS (the public keeps the published
version), unless it only touches fields the CRESS declared low-risk, which go live and are flagged."""

import json

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from essaim.catalog.models import Offer, OfferRevision, RevisionPolicy
from essaim.catalog.services import offer_transition
from essaim.core.history import entries_of
from essaim.core.templatetags.essaim import fr_typo
from essaim.organisations.models import Membership
from tests.accounts.factories import UserFactory
from tests.catalog.test_workspace import FORM
from tests.organisations.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

TITLE = FORM["title"]


@pytest.fixture
def operator(region, roles, taxonomies):
    return OrganisationFactory(name="CAE Ouest", roles=["operateur_accompagnement"])


@pytest.fixture
def editor(client, operator):
    user = UserFactory(email="editrice@example.org", full_name="Édith Rice")
    Membership.objects.create(user=user, organisation=operator, role="editor")
    client.force_login(user)
    return user


@pytest.fixture
def cress():
    return UserFactory(platform_admin=True, email="moderation@cress.example")


@pytest.fixture
def published(client, editor, operator):
    """An offer the operator wrote with the form, then published (its publication is not the point)."""
    form = {**FORM, "operator": operator.pk, "application_url": "https://cae-ouest.example/candidater"}
    client.post(reverse("catalog:offer_create"), form)
    offer = Offer.objects.get()
    Offer.objects.filter(pk=offer.pk).update(status=Offer.Status.PUBLISHED)
    offer.refresh_from_db()
    return offer


def edit(client, offer, **changes):
    form = {**FORM, "operator": offer.operator_id, "application_url": "https://cae-ouest.example/candidater"}
    return client.post(reverse("catalog:offer_edit", args=[offer.pk]), {**form, **changes}, follow=True)


def test_an_operators_new_title_and_link_wait_for_the_cress_and_the_public_keeps_the_published_version(
    client, published
):
    response = edit(client, published, title="Gagner vite", application_url="https://arnaque.example/")
    assert fr_typo("Votre modification attend l'accord de la CRESS.").replace("'", "&#x27;") in (
        response.content.decode()
    )
    published.refresh_from_db()
    assert (published.title, published.application_url) == (TITLE, "https://cae-ouest.example/candidater")
    revision = OfferRevision.objects.get()
    assert revision.status == OfferRevision.Status.PENDING
    assert revision.changes == {
        "title": [TITLE, "Gagner vite"],
        "application_url": ["https://cae-ouest.example/candidater", "https://arnaque.example/"],
    }
    assert entries_of(published).first().summary == (
        "Modification proposée, en attente de la CRESS : titre, lien pour candidater"
    )
    page = client.get(published.get_absolute_url()).content.decode()
    assert TITLE in page and "Gagner vite" not in page and "arnaque" not in page
    search = client.get(reverse("catalog:search"), {"q": "coopérative"}).content.decode()
    assert TITLE in search and "Gagner vite" not in search
    exported = json.loads(client.get(reverse("catalog:export", args=["json"])).content)
    assert [service["nom"] for service in exported] == [TITLE]
    assert "arnaque" not in client.get(reverse("catalog:export", args=["csv"])).content.decode()
    listing = client.get(reverse("catalog:my_offers")).content.decode()
    assert "Modification en attente de la CRESS" in listing


def test_the_operator_takes_up_the_pending_change_rather_than_adding_a_second_one(client, published):
    edit(client, published, title="Tester son activité en CAE")
    form = client.get(reverse("catalog:offer_edit", args=[published.pk])).context["form"]
    assert form.initial["title"] == "Tester son activité en CAE"  # the proposal, not the published title
    edit(client, published, title="Tester son activité dans une coopérative", summary="Un autre résumé.")
    revision = OfferRevision.objects.get()
    assert revision.changes == {
        "title": [TITLE, "Tester son activité dans une coopérative"],
        "summary": [FORM["summary"], "Un autre résumé."],
    }
    edit(client, published)  # back to the published version: nothing waits any more
    assert not OfferRevision.objects.exists()
    assert entries_of(published).first().summary == "Modification en attente retirée"


def test_the_cress_reads_the_diff_with_the_historys_labels_and_approves_it_through_offer_save(
    client, published, editor, cress, django_capture_on_commit_callbacks
):
    edit(client, published, title="Tester son activité en CAE", application_url="https://cae-ouest.example/postuler")
    client.force_login(cress)
    page = client.get(reverse("catalog:moderation")).content.decode()
    assert "Modifications d'offres publiées" in page
    assert "<dt>Titre</dt>" in page and "<dt>Lien pour candidater</dt>" in page
    assert f"<del>{TITLE}</del>" in page and "<ins>Tester son activité en CAE</ins>" in page
    revision = OfferRevision.objects.get()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("catalog:revision_decide", args=[revision.pk]), {"to": "approved"})
    assert response["Location"] == reverse("catalog:moderation")
    published.refresh_from_db()
    assert published.title == "Tester son activité en CAE"
    assert published.application_url == "https://cae-ouest.example/postuler"
    entry = entries_of(published).first()
    assert entry.summary == "Modification acceptée par la CRESS" and entry.author == cress
    assert entry.changes["title"] == [TITLE, "Tester son activité en CAE"]
    revision.refresh_from_db()
    assert (revision.status, revision.decided_by) == (OfferRevision.Status.APPROVED, cress)
    [message] = mail.outbox
    assert message.to == [editor.email] and "est publiée" in message.subject
    assert f"Titre\u00a0: {TITLE} → Tester son activité en CAE" in message.body
    assert "Tester son activité en CAE" in client.get(published.get_absolute_url()).content.decode()
    assert "Modifications d'offres publiées" not in client.get(reverse("catalog:moderation")).content.decode()


def test_a_refusal_needs_a_reason_keeps_the_published_version_and_tells_the_operator_why(
    client, published, editor, cress, django_capture_on_commit_callbacks
):
    edit(client, published, application_url="https://arnaque.example/")
    revision = OfferRevision.objects.get()
    client.force_login(cress)
    url = reverse("catalog:revision_decide", args=[revision.pk])
    response = client.post(url, {"to": "refused", "reason": " \x07 "}, follow=True)
    assert fr_typo("Indiquez à l'opérateur pourquoi").replace("'", "&#x27;") in response.content.decode()
    revision.refresh_from_db()
    assert revision.status == OfferRevision.Status.PENDING
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"to": "refused", "reason": "Ce lien ne mène pas au site de la CAE."})
    revision.refresh_from_db()
    published.refresh_from_db()
    assert revision.status == OfferRevision.Status.REFUSED
    assert published.application_url == "https://cae-ouest.example/candidater"
    assert entries_of(published).first().summary == (
        "Modification refusée par la CRESS : Ce lien ne mène pas au site de la CAE."
    )
    [message] = mail.outbox
    assert message.to == [editor.email] and "Ce lien ne mène pas au site de la CAE." in message.body
    assert client.post(url, {"to": "approved"}).status_code == 302  # already decided: refused, no 500
    published.refresh_from_db()
    assert published.application_url == "https://cae-ouest.example/candidater"

    client.force_login(editor)
    page = client.get(reverse("catalog:offer_edit", args=[published.pk])).content.decode()
    assert "Modification refusée par la CRESS" in page and "Ce lien ne mène pas au site de la CAE." in page
    assert "Modification refusée" in client.get(reverse("catalog:my_offers")).content.decode()


def test_a_low_risk_change_goes_live_at_once_and_is_flagged_for_the_cress_until_dismissed(client, published, cress):
    edit(client, published, contact_phone="02 40 00 00 00", deadline="2031-06-30")
    published.refresh_from_db()
    assert published.contact_phone == "02 40 00 00 00" and str(published.deadline) == "2031-06-30"
    revision = OfferRevision.objects.get()
    assert revision.status == OfferRevision.Status.LIVE
    assert entries_of(published).first().summary == "Modification publiée sans attente (champs à faible risque)"
    edit(client, published, contact_phone="02 40 11 11 11", deadline="2031-06-30")
    revision = OfferRevision.objects.get()  # still one flag, from the value before the first change
    assert revision.changes["contact_phone"] == ["", "02 40 11 11 11"]

    client.force_login(cress)
    page = client.get(reverse("catalog:moderation")).content.decode()
    assert "Modifiée après publication" in page and "Téléphone de contact" in page
    client.post(reverse("catalog:revision_decide", args=[revision.pk]), {"to": "seen"})
    revision.refresh_from_db()
    assert revision.status == OfferRevision.Status.SEEN
    assert "Modifiée après publication" not in client.get(reverse("catalog:moderation")).content.decode()


def test_a_low_risk_field_edited_with_the_title_waits_with_it(client, published):
    edit(client, published, contact_phone="02 40 00 00 00", title="Un autre titre")
    published.refresh_from_db()
    assert (published.contact_phone, published.title) == ("", TITLE)
    assert OfferRevision.objects.get().status == OfferRevision.Status.PENDING


def test_the_cress_declares_a_field_low_risk_but_never_a_link_or_the_title(client, published):
    policy = RevisionPolicy.current()
    policy.low_risk_fields = ["description", "application_url", "title"]
    with pytest.raises(ValidationError):
        policy.full_clean()
    policy.save()  # stored anyway (by hand): still never applied to a link or the title
    edit(client, published, description="Une description corrigée.")
    published.refresh_from_db()
    assert published.description == "Une description corrigée."
    edit(client, published, description="Une description corrigée.", application_url="https://arnaque.example/")
    published.refresh_from_db()
    assert published.application_url == "https://cae-ouest.example/candidater"


def test_the_cress_edits_a_published_offer_directly(client, published, cress):
    client.force_login(cress)
    edit(client, published, title="Tester son activité en CAE")
    published.refresh_from_db()
    assert published.title == "Tester son activité en CAE" and not OfferRevision.objects.exists()


def test_an_offer_withdrawn_from_publication_takes_its_pending_change_with_it(client, published, editor):
    edit(client, published, title="Tester son activité en CAE")
    offer_transition(offer=published, to=Offer.Status.ARCHIVED, by=editor, roles={"operator"})
    published.refresh_from_db()
    assert published.status == Offer.Status.ARCHIVED and published.title == "Tester son activité en CAE"
    assert not OfferRevision.objects.pending().exists()


def test_only_the_cress_decides_on_a_change(client, published):
    edit(client, published, title="Tester son activité en CAE")
    revision = OfferRevision.objects.get()
    response = client.post(reverse("catalog:revision_decide", args=[revision.pk]), {"to": "approved"})
    assert response.status_code == 403
    published.refresh_from_db()
    assert published.title == TITLE


def test_the_cress_chooses_the_low_risk_fields_in_the_admin_by_their_history_labels(client, published):
    client.force_login(UserFactory(platform_admin=True, is_superuser=True))
    policy = RevisionPolicy.current()
    url = reverse("admin:catalog_revisionpolicy_change", args=[policy.pk])
    page = client.get(url).content.decode()
    assert "Téléphone de contact" in page and "Lien pour candidater" not in page
    assert client.post(url, {"low_risk_fields": ["description", "deadline"]}).status_code == 302
    assert RevisionPolicy.current().low_risk() == {"description", "deadline"}
