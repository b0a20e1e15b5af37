"""What an adviser the structure invited reads: the consolidated diagnostic and the plan (the
general meeting's summary, which names nobody), and the comments; pilots read and answer them
here too. The pilots invite and remove advisers."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from essaim.core.text import parse_id
from essaim.diagnostics.documents import campaign_report
from essaim.diagnostics.forms.review import AdviserInviteForm, CommentForm
from essaim.diagnostics.models import Campaign, CampaignAdviser
from essaim.diagnostics.perms import can_pilot
from essaim.diagnostics.services import DiagnosticRefused, adviser_invite, adviser_remove, comment_add
from essaim.diagnostics.views.common import piloted_campaign, readable_campaign


def _target(campaign: Campaign, about: str) -> dict[str, object]:
    kind, _, raw = about.partition("-")
    pk = parse_id(raw)
    if kind == "item" and pk is not None:
        return {"item": campaign.items().filter(pk=pk).first()}
    if kind == "action" and pk is not None:
        return {"action": campaign.actions.filter(pk=pk).first()}
    return {}


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def review(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = readable_campaign(request, pk)
    status = 200
    if request.method == "POST":
        form = CommentForm(request.POST, campaign=campaign)
        if form.is_valid():
            try:
                comment_add(
                    campaign=campaign,
                    author=request.user,
                    text=form.cleaned_data["text"],
                    **_target(campaign, form.cleaned_data["about"]),  # type: ignore[arg-type]
                )
            except DiagnosticRefused as refused:
                form.add_error(None, str(refused))
            else:
                messages.success(request, "Commentaire publié.")
                return redirect(reverse("diagnostics:review", args=[campaign.pk]) + "#commentaires")
        status = 400
    else:
        form = CommentForm(campaign=campaign)
    comments = campaign.comments.select_related("author", "item", "action")
    return render(
        request,
        "diagnostics/review.html",
        {
            "campaign": campaign,
            "report": campaign_report(campaign),
            "comments": comments,
            "form": form,
            "is_pilot": can_pilot(request.user, campaign),
        },
        status=status,
    )


@login_required
@require_POST
def advisers(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = piloted_campaign(request, pk)
    form = AdviserInviteForm(request.POST)
    if form.is_valid():
        try:
            adviser_invite(
                campaign=campaign,
                email=form.cleaned_data["email"],
                full_name=form.cleaned_data["full_name"],
                by=request.user,
            )
        except DiagnosticRefused as refused:
            messages.error(request, str(refused))
        else:
            messages.success(request, f"Accès donné à {form.cleaned_data['email']} ; un e-mail l'en informe.")
    else:
        messages.error(request, "Indiquez une adresse e-mail valide pour le conseiller ou la conseillère.")
    return redirect(reverse("diagnostics:campaign", args=[campaign.pk]) + "#conseillers")


@login_required
@require_POST
def adviser_delete(request: HttpRequest, pk: int, adviser: int) -> HttpResponse:
    campaign = piloted_campaign(request, pk)
    found = CampaignAdviser.objects.filter(campaign=campaign, pk=adviser).select_related("user").first()
    if found is None:
        raise Http404("Conseiller ou conseillère introuvable.")
    adviser_remove(campaign=campaign, adviser=found, by=request.user)
    messages.success(request, f"{found.user.email} n'a plus accès à l'autodiagnostic.")
    return redirect(reverse("diagnostics:campaign", args=[campaign.pk]) + "#conseillers")
