from __future__ import annotations

from django.db import models
from django.utils.text import slugify


def unique_slug(text: str, queryset: models.QuerySet[models.Model], *, fallback: str, max_length: int = 200) -> str:
    """A slug made from the text, with -2, -3... appended while `queryset` already has it."""
    base = slugify(text)[:max_length] or fallback
    slug, counter = base, 1
    while queryset.filter(slug=slug).exists():
        counter += 1
        slug = f"{base}-{counter}"
    return slug
