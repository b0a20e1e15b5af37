"""The action sheet kept up to date by its leads: text and dates, milestones, documents."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from essaim.core.workflows import TransitionRefused
from essaim.strategy import perms, services
from essaim.strategy.forms import ActionForm, DocumentForm, MilestoneDoneForm
from essaim.strategy.models import Action, Milestone


def _editable_action(request: HttpRequest, code: str, action: str) -> Action:
    item = get_object_or_404(Action.objects.select_related("strategy"), strategy__code=code, code=action)
    if not perms.can_edit_action(request.user, item):
        raise PermissionDenied("Vous ne pouvez modifier que les actions dont vous êtes référent.")
    return item


def _action_form_page(
    request: HttpRequest,
    item: Action,
    *,
    form: ActionForm,
    document_form: DocumentForm | None = None,
    status: int = 200,
) -> HttpResponse:
    today = timezone.localdate()
    return render(
        request,
        "strategy/workspace/action_form.html",
        {
            "action": item,
            "form": form,
            "document_form": document_form or DocumentForm(prefix="document"),
            "milestones": [
                (
                    milestone,
                    MilestoneDoneForm(prefix=f"jalon-{milestone.pk}", initial={"done_on": today}, milestone=milestone),
                )
                for milestone in item.milestones.filter(done_on=None)
            ],
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def action_edit(request: HttpRequest, code: str, action: str) -> HttpResponse:
    item = _editable_action(request, code, action)
    form = ActionForm(request.POST or None, instance=item)
    if request.method == "POST":
        if form.is_valid():
            item = services.action_update(action=item, data=form.cleaned_data, by=request.user)
            messages.success(request, "Fiche action enregistrée.")
            return redirect(item)
        return _action_form_page(request, item, form=form, status=400)
    return _action_form_page(request, item, form=form)


@login_required
@require_POST
def milestone_done(request: HttpRequest, code: str, action: str, pk: int) -> HttpResponse:
    item = _editable_action(request, code, action)
    milestone = get_object_or_404(Milestone, pk=pk, action=item)
    form = MilestoneDoneForm(request.POST, prefix=f"jalon-{milestone.pk}", milestone=milestone)
    if not form.is_valid():
        messages.error(request, "Indiquez la date à laquelle le jalon a été atteint (jj/mm/aaaa).")
        return _action_form_page(request, item, form=ActionForm(instance=item), status=400)
    try:
        services.milestone_reach(
            milestone=milestone, done_on=form.cleaned_data["done_on"], by=request.user, today=timezone.localdate()
        )
    except TransitionRefused as error:
        messages.error(request, str(error))
        return _action_form_page(request, item, form=ActionForm(instance=item), status=409)
    messages.success(request, f"Jalon « {milestone.title} » marqué comme atteint.")
    return redirect("strategy:action_edit", code=code, action=action)


@login_required
@require_POST
def document_add(request: HttpRequest, code: str, action: str) -> HttpResponse:
    item = _editable_action(request, code, action)
    form = DocumentForm(request.POST, prefix="document")
    if not form.is_valid():
        return _action_form_page(request, item, form=ActionForm(instance=item), document_form=form, status=400)
    services.document_add(action=item, document=form.save(commit=False), by=request.user)
    messages.success(request, "Document ajouté à la fiche action.")
    return redirect("strategy:action_edit", code=code, action=action)
