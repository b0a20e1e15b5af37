import threading
from datetime import date, timedelta
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.core import mail
from django.core.management import call_command

from essaim.catalog.freshness import links_check, offer_quality
from essaim.catalog.models import Offer
from essaim.catalog.quality import QualityInput, freshness, quality
from essaim.organisations.models import Membership
from tests.accounts.factories import UserFactory
from tests.catalog.factories import TODAY, make_offer
from tests.organisations.factories import OrganisationFactory

COMPLETE = QualityInput(
    description_length=400,
    has_contact=True,
    has_link=True,
    has_needs=True,
    has_stages=True,
    has_audiences=True,
    is_financing=True,
    has_amounts=True,
    updated_on=date(2026, 11, 1),
)


def test_a_complete_fresh_offer_scores_100_and_misses_nothing():
    result = quality(COMPLETE, date(2026, 11, 23))
    assert result.score == 100 and result.missing == ()


def test_freshness_falls_from_six_months_to_zero_at_two_years():
    updated = date(2024, 1, 1)
    assert freshness(updated, updated + timedelta(days=100)) == 1.0
    assert 0.0 < freshness(updated, updated + timedelta(days=400)) < 1.0
    assert freshness(updated, updated + timedelta(days=800)) == 0.0


def test_missing_pieces_are_named_and_lower_the_score():
    from dataclasses import replace

    partial = replace(COMPLETE, has_contact=False, has_amounts=False)
    result = quality(partial, date(2026, 11, 23))
    assert result.missing == ("un contact (e-mail ou téléphone)", "les montants")
    assert result.score < 100
    support = replace(COMPLETE, is_financing=False, has_amounts=False)
    assert quality(support, date(2026, 11, 23)).missing == ()


@pytest.mark.django_db
def test_offer_quality_reads_an_offer(region, roles, taxonomies):
    offer = make_offer("Garantir son prêt", types=["garantie"])
    result = offer_quality(Offer.objects.with_relations().get(pk=offer.pk), TODAY)
    assert "les montants" in result.missing and "les besoins servis" in result.missing


@pytest.mark.django_db
def test_reminders_go_to_each_operators_editors_and_list_orphans(
    region, roles, taxonomies, django_capture_on_commit_callbacks, capsys
):
    operator = OrganisationFactory(name="France Active Pays de la Loire")
    editor = UserFactory(email="editrice@example.org")
    Membership.objects.create(user=editor, organisation=operator, role="editor")
    Membership.objects.create(user=UserFactory(email="membre@example.org"), organisation=operator, role="member")
    old = TODAY - timedelta(days=400)
    make_offer("Garantir son prêt", types=["garantie"], operator=operator, reviewed_on=old)
    make_offer("Offre récente", types=["garantie"], operator=operator)
    make_offer("Offre orpheline", types=["prime"], reviewed_on=old, review_every_months=1)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("remind_offer_reviews")
    [message] = mail.outbox
    assert message.to == ["editrice@example.org"]
    assert "Garantir son prêt" in message.body and "Offre récente" not in message.body
    out = capsys.readouterr().out
    assert "2 offres à revoir ; 1 e-mail envoyé." in out
    assert "Offre orpheline" in out


class _Handler(BaseHTTPRequestHandler):
    def do_HEAD(self):  # noqa: N802
        self.send_response(200 if self.path == "/ok" else 404)
        self.end_headers()

    def log_message(self, *args):  # silence the test output
        pass


@pytest.fixture
def web_server():
    server = HTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


@pytest.mark.django_db
def test_broken_links_are_flagged_and_good_ones_cleared(region, roles, taxonomies, web_server):
    good = make_offer("Lien valide", types=["prime"], url=f"{web_server}/ok", broken_link=True)
    bad = make_offer("Lien cassé", types=["prime"], url=f"{web_server}/ok", application_url=f"{web_server}/disparu")
    unreachable = make_offer("Serveur absent", types=["prime"], url="http://127.0.0.1:9/rien")
    broken = links_check(offers=Offer.objects.all())
    assert {offer.title for offer in broken} == {"Lien cassé", "Serveur absent"}
    good.refresh_from_db()
    bad.refresh_from_db()
    unreachable.refresh_from_db()
    assert (good.broken_link, bad.broken_link, unreachable.broken_link) == (False, True, True)
    assert good.links_checked_at is not None
