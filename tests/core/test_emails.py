import pytest
from django.core import mail

from essaim.core.emails import send_templated_email

pytestmark = pytest.mark.django_db


def test_an_email_leaves_only_once_the_transaction_commits(django_capture_on_commit_callbacks):
    context = {
        "user_name": "Alice",
        "email": "a@example.org",
        "protocol": "https",
        "domain": "x",
        "uid": "MQ",
        "token": "t-1",
    }
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        send_templated_email(template="emails/password_reset", to=["a@example.org"], context=context)
    assert mail.outbox == []
    for callback in callbacks:
        callback()
    [message] = mail.outbox
    assert message.to == ["a@example.org"]
    assert message.subject.endswith("choisir un nouveau mot de passe")
    assert "Bonjour Alice" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert '<html lang="fr">' in html
