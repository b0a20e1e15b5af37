from __future__ import annotations

from typing import Any

from django.db import models


class WebsiteField(models.URLField):
    """A URL field whose forms read "exemple.fr" as https://exemple.fr (Django 6's default)."""

    def formfield(self, **kwargs: Any) -> Any:
        return super().formfield(**{"assume_scheme": "https", **kwargs})
