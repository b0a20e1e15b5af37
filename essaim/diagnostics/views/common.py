"""What the diagnostic's views share: finding a respondent from their personal link.

A personal link (`repondre/<token>/…`) is a respondent's key: its route parameter is named
`token`, so that `core.headers` marks every such page `Cache-Control: private, no-store`."""

from __future__ import annotations

from django.http import Http404

from essaim.diagnostics.models import Respondent

MAX_TOKEN_LENGTH = 64


def respondent_from_token(token: str) -> Respondent:
    """The respondent this personal link belongs to, or 404 (the French page)."""
    if len(token) > MAX_TOKEN_LENGTH:
        raise Http404("Lien de réponse inconnu.")
    respondent = (
        Respondent.objects.select_related("campaign__organisation", "campaign__framework").filter(token=token).first()
    )
    if respondent is None:
        raise Http404("Lien de réponse inconnu.")
    return respondent
