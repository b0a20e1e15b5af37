"""E-mails: rendered in the request from French templates (text and HTML), sent by the task
queue so that a slow or failing mail server never slows down or breaks a page."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django_tasks import task


@task()
def deliver_email(*, subject: str, to: list[str], text: str, html: str) -> None:
    message = EmailMultiAlternatives(subject=subject, body=text, from_email=settings.DEFAULT_FROM_EMAIL, to=to)
    message.attach_alternative(html, "text/html")
    message.send()


def send_templated_email(*, template: str, to: list[str], context: dict[str, Any]) -> None:
    """Render `<template>_subject.txt`, `<template>.txt` and `<template>.html` and queue the
    e-mail once the current transaction commits (never for a rolled-back change)."""
    context = {"SITE_NAME": settings.SITE_NAME, "SITE_URL": settings.SITE_URL, **context}
    subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
    text = render_to_string(f"{template}.txt", context)
    html = render_to_string(f"{template}.html", context)
    transaction.on_commit(lambda: deliver_email.enqueue(subject=subject, to=to, text=text, html=html))
