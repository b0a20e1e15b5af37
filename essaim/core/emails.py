"""E-mails: rendered in the request from French templates (text and HTML), sent by the task
queue so that a slow or failing mail server never slows down or breaks a page."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template import Context
from django.template.loader import get_template, render_to_string
from django_tasks import task


@task()
def deliver_email(*, subject: str, to: list[str], text: str, html: str, headers: dict[str, str] | None = None) -> None:
    message = EmailMultiAlternatives(
        subject=subject, body=text, from_email=settings.DEFAULT_FROM_EMAIL, to=to, headers=headers or {}
    )
    message.attach_alternative(html, "text/html")
    message.send()


def send_templated_email(
    *, template: str, to: list[str], context: dict[str, Any], headers: dict[str, str] | None = None
) -> None:
    """Render `<template>_subject.txt`, `<template>.txt` and `<template>.html` and queue the
    e-mail once the current transaction commits (never for a rolled-back change), unless
    e-mails are withheld."""
    if _withheld.get():
        return
    context = {**publisher_identity(), **context}
    subject = " ".join(_render_text(f"{template}_subject.txt", context).split())
    text = _render_text(f"{template}.txt", context)
    html = render_to_string(f"{template}.html", context)
    transaction.on_commit(
        lambda: deliver_email.enqueue(subject=subject, to=to, text=text, html=html, headers=headers or {})
    )


_withheld: ContextVar[bool] = ContextVar("essaim_emails_withheld", default=False)


@contextmanager
def emails_withheld() -> Iterator[None]:
    """No e-mail is queued inside this block: the demo builds a module's past through the
    services that tell people about each step, and nobody is to be told."""
    token = _withheld.set(True)
    try:
        yield
    finally:
        _withheld.reset(token)


def publisher_identity() -> dict[str, str]:
    """Who publishes the platform, for the templates of e-mails and documents rendered outside a
    request (the context processor gives the same names to pages)."""
    return {
        "SITE_NAME": settings.SITE_NAME,
        "SITE_URL": settings.SITE_URL,
        "PUBLISHER_NAME": settings.PUBLISHER_NAME,
        "PUBLISHER_ADDRESS": settings.PUBLISHER_ADDRESS,
        "CONTACT_EMAIL": settings.CONTACT_EMAIL,
    }


def _render_text(name: str, context: dict[str, Any]) -> str:
    """Render a plain-text template without HTML escaping ("d'honneur", not "d&#x27;honneur")."""
    return get_template(name).template.render(Context(context, autoescape=False))  # type: ignore[attr-defined]
