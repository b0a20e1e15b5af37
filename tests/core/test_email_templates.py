"""Every e-mail of the platform has the same shape: a subject, a text part and an HTML part, both
extending the one layout, so that the greeting and the signature are written once."""

from pathlib import Path

import pytest
from django.core import mail
from django.test import override_settings

from essaim.core.emails import send_templated_email

ESSAIM = Path(__file__).resolve().parents[2] / "essaim"
MESSAGES = sorted(
    path.with_suffix("") for path in ESSAIM.glob("*/templates/emails/*.html") if not path.stem.endswith("_base")
)


@pytest.mark.parametrize("message", MESSAGES, ids=lambda path: path.name)
def test_each_message_has_a_subject_a_text_and_an_html_part_on_the_one_layout(message):
    html = message.with_suffix(".html").read_text()
    text = message.with_suffix(".txt").read_text()
    assert Path(f"{message}_subject.txt").exists()
    assert html.startswith('{% extends "emails/') and "<html" not in html
    assert text.startswith('{% extends "emails/') and "Bonjour" not in text.split("{% block body %}")[-1]


@pytest.mark.django_db
@override_settings(
    SITE_NAME="Essaim test",
    SITE_URL="https://essaim.cress.test",
    PUBLISHER_NAME="CRESS Pays de la Loire",
    CONTACT_EMAIL="contact@cress.test",
)
def test_the_layout_greets_and_signs_every_message(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        send_templated_email(
            template="emails/alert_confirm",
            to=["porteuse@example.org"],
            context={"confirm_url": "https://essaim.example/confirmer/x/"},
        )
    [message] = mail.outbox
    assert message.body.startswith("Bonjour,\n\nUne demande d'alerte")
    assert message.body.rstrip().endswith(
        "CRESS Pays de la Loire\nEssaim test\u00a0: https://essaim.cress.test/\nNous écrire\u00a0: contact@cress.test"
    )
    html = message.alternatives[0][0]
    assert "<p>Bonjour,</p>" in " ".join(html.split()).replace("<p> ", "<p>").replace(" </p>", "</p>")
    assert "CRESS Pays de la Loire" in html and "https://essaim.example/confirmer/x/" in html
    assert '<a href="https://essaim.cress.test/"' in html and "mailto:contact@cress.test" in html
