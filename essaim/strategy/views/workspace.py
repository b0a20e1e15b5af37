"""The steering workspace: leads write their reports, co-pilots run campaigns, validate, take bilans."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from essaim.strategy import perms, services, snapshots
from essaim.strategy.forms import (
    ActionForm,
    BilanForm,
    CampaignForm,
    DecisionForm,
    DocumentForm,
    IndicatorValueForm,
    MeetingForm,
    MilestoneDoneForm,
    ReportForm,
    ReviewForm,
)
from essaim.strategy.history import changes_of, record, snapshot
from essaim.strategy.models import (
    Action,
    Bilan,
    Campaign,
    Decision,
    IndicatorValue,
    Meeting,
    Milestone,
    ProgressReport,
    Strategy,
    StrategyMember,
)
from essaim.strategy.views.public import governance_page


@login_required
def workspace(request: HttpRequest) -> HttpResponse:
    user = request.user
    led = Action.objects.led_by(user)
    reports = (
        ProgressReport.objects.filter(action__in=led, campaign__status=Campaign.Status.OPEN)
        .select_related("action__strategy", "campaign")
        .order_by("campaign__due_on", "action__order")
    )
    copiloted = (
        Strategy.objects.all()
        if user.is_platform_admin
        else Strategy.objects.filter(members__user=user, members__role=StrategyMember.Role.COPILOT)
    )
    return render(
        request,
        "strategy/workspace/home.html",
        {
            "reports": reports,
            "actions": led.select_related("strategy").order_by("strategy", "order"),
            "copiloted": copiloted.annotate(
                to_review=Count("actions__reports", filter=Q(actions__reports__state=ProgressReport.State.SUBMITTED))
            ),
            "decisions": Decision.objects.open().filter(owner=user).select_related("meeting__body__strategy"),
        },
    )


def _copiloted(request: HttpRequest, code: str) -> Strategy:
    strategy = get_object_or_404(Strategy, code=code)
    if not perms.is_copilot(request.user, strategy):
        raise PermissionDenied("Seuls les copilotes de la stratégie ont accès à cette page.")
    return strategy


@login_required
def board(request: HttpRequest, code: str) -> HttpResponse:
    """The co-pilots' board: campaigns, reports to validate, missing reports, late actions."""
    strategy = _copiloted(request, code)
    today = timezone.localdate()
    reports = ProgressReport.objects.filter(action__strategy=strategy).select_related("action", "campaign")
    return render(
        request,
        "strategy/workspace/board.html",
        {
            "strategy": strategy,
            "campaigns": strategy.campaigns.annotate(
                total=Count("reports"),
                missing=Count("reports", filter=Q(reports__state__in=["draft", "returned"])),
                to_review=Count("reports", filter=Q(reports__state="submitted")),
            ),
            "to_review": reports.awaiting_review().order_by("submitted_at"),
            "missing": reports.missing().filter(campaign__status=Campaign.Status.OPEN).order_by("action__order"),
            "late": strategy.actions.late_on(today).select_related("pilot").order_by("planned_end"),
            "bilans": strategy.bilans.all(),
            "campaign_form": CampaignForm(prefix="campagne", strategy=strategy),
            "bilan_form": BilanForm(initial={"as_of": today}, prefix="bilan"),
            "open_decisions": Decision.objects.open().filter(meeting__body__strategy=strategy).select_related("owner"),
            "today": today,
        },
    )


@login_required
@require_POST
def campaign_create(request: HttpRequest, code: str) -> HttpResponse:
    strategy = _copiloted(request, code)
    form = CampaignForm(request.POST, prefix="campagne", strategy=strategy)
    if not form.is_valid():
        return render(
            request, "strategy/workspace/campaign_form.html", {"strategy": strategy, "form": form}, status=400
        )
    campaign = form.save(commit=False)
    campaign.strategy = strategy
    campaign.save()
    messages.success(request, f"Campagne « {campaign.title} » créée. Ouvrez-la pour prévenir les référents.")
    return redirect("strategy:board", code=strategy.code)


@login_required
@require_POST
def campaign_transition(request: HttpRequest, pk: int, transition: str) -> HttpResponse:
    campaign = get_object_or_404(Campaign.objects.select_related("strategy"), pk=pk)
    _copiloted(request, campaign.strategy.code)
    try:
        if transition == "ouvrir":
            count = services.campaign_open(campaign, by=request.user)
            messages.success(request, f"Campagne ouverte : {count} point(s) d'avancement demandé(s) aux référents.")
        elif transition == "clore":
            services.campaign_close(campaign, by=request.user)
            messages.success(request, "Campagne close.")
        else:
            return HttpResponse("Action inconnue.", status=400)
    except services.WorkflowError as error:
        messages.error(request, str(error))
        return redirect("strategy:board", code=campaign.strategy.code)
    return redirect("strategy:board", code=campaign.strategy.code)


def _value_forms(request: HttpRequest, report: ProgressReport) -> list[IndicatorValueForm]:
    """One form per indicator of the action the lead may feed (platform metrics excluded)."""
    indicators = report.action.indicators.filter(platform_metric="")
    proposed = {value.indicator_id: value for value in report.indicator_values.all()}
    forms = []
    for indicator in indicators:
        if not perms.can_propose_value(request.user, indicator) and not perms.leads_action(request.user, report.action):
            continue
        value = proposed.get(indicator.pk)
        initial = (
            {
                "value": str(value.value).replace(".", ","),
                "measured_on": value.measured_on,
                "vintage": value.vintage,
                "source": value.source,
            }
            if value
            else {"source": indicator.source}
        )
        data = request.POST if request.method == "POST" else None
        forms.append(
            IndicatorValueForm(data, indicator=indicator, initial=initial, prefix=f"indicateur-{indicator.pk}")
        )
    return forms


@login_required
def report(request: HttpRequest, pk: int) -> HttpResponse:
    """A lead writes, saves and submits the report; a co-pilot reads it and validates or returns it."""
    item = get_object_or_404(ProgressReport.objects.select_related("action__strategy", "campaign", "author"), pk=pk)
    strategy = item.action.strategy
    can_edit = perms.can_edit_action(request.user, item.action)
    is_copilot = perms.is_copilot(request.user, strategy)
    if not (can_edit or perms.can_read_internal(request.user, strategy)):
        raise PermissionDenied("Ce point d'avancement concerne une action que vous ne pilotez pas.")
    form = ReportForm(request.POST or None, instance=item) if item.is_writable and can_edit else None
    value_forms = _value_forms(request, item) if form else []
    status = 200
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied("Seuls les référents de l'action rédigent son point d'avancement.")
        if form is None:
            messages.error(request, services.already_sent_message(item))
            return render(
                request,
                "strategy/workspace/report.html",
                _report_context(request, item, None, [], is_copilot),
                status=409,
            )
        if form.is_valid() and all(value_form.is_valid() for value_form in value_forms):
            proposed = [p for p in (value_form.proposed() for value_form in value_forms) if p]
            try:
                services.report_save(item, data=form.cleaned_data, values=proposed, by=request.user)
                if "transmettre" in request.POST:
                    services.report_submit(item, by=request.user)
                    messages.success(request, "Point d'avancement transmis aux copilotes. Merci !")
                else:
                    messages.success(request, "Brouillon enregistré.")
                return redirect("strategy:report", pk=item.pk)
            except services.WorkflowError as error:
                item.refresh_from_db()
                form.add_error(None, str(error))
                status = 409 if not item.is_writable else 400
        else:
            status = 400
    return render(
        request,
        "strategy/workspace/report.html",
        _report_context(request, item, form, value_forms, is_copilot),
        status=status,
    )


def _report_context(
    request: HttpRequest,
    item: ProgressReport,
    form: ReportForm | None,
    value_forms: list[IndicatorValueForm],
    is_copilot: bool,
) -> dict[str, object]:
    return {
        "report": item,
        "strategy": item.action.strategy,
        "form": form,
        "value_forms": value_forms,
        "values": item.indicator_values.select_related("indicator"),
        "review_form": ReviewForm() if is_copilot and item.state == ProgressReport.State.SUBMITTED else None,
        "history": changes_of(item)[:20],
    }


@login_required
@require_POST
def report_review(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(ProgressReport.objects.select_related("action__strategy"), pk=pk)
    if not perms.is_copilot(request.user, item.action.strategy):
        raise PermissionDenied("Seuls les copilotes valident les points d'avancement.")
    form = ReviewForm(request.POST)
    form.is_valid()
    comment = form.cleaned_data.get("comment", "")
    try:
        if "renvoyer" in request.POST:
            services.report_return(item, by=request.user, comment=comment)
            messages.success(request, "Point d'avancement renvoyé au référent avec votre commentaire.")
        else:
            services.report_validate(item, by=request.user, comment=comment)
            messages.success(request, "Point d'avancement validé : l'action est à jour.")
    except services.WorkflowError as error:
        messages.error(request, str(error))
        context = _report_context(request, item, None, [], True)
        context["review_form"] = form if item.state == ProgressReport.State.SUBMITTED else None
        return render(
            request, "strategy/workspace/report.html", context, status=409 if item.state != "submitted" else 400
        )
    return redirect("strategy:report", pk=item.pk)


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
def action_edit(request: HttpRequest, code: str, action: str) -> HttpResponse:
    item = _editable_action(request, code, action)
    before = snapshot(item)  # before the form: validating it already writes into `item`
    form = ActionForm(request.POST or None, instance=item)
    if request.method == "POST":
        if form.is_valid():
            form.save()
            record(item, before, by=request.user, summary="Fiche action modifiée")
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
            milestone, done_on=form.cleaned_data["done_on"], by=request.user, today=timezone.localdate()
        )
    except services.WorkflowError as error:
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
    services.document_add(item, document=form.save(commit=False), by=request.user)
    messages.success(request, "Document ajouté à la fiche action.")
    return redirect("strategy:action_edit", code=code, action=action)


@login_required
@require_POST
def bilan_create(request: HttpRequest, code: str) -> HttpResponse:
    strategy = _copiloted(request, code)
    form = BilanForm(request.POST, prefix="bilan")
    if not form.is_valid():
        return render(request, "strategy/workspace/bilan_form.html", {"strategy": strategy, "form": form}, status=400)
    bilan = snapshots.bilan_take(strategy, by=request.user, **form.cleaned_data)
    messages.success(request, "Bilan figé. Relisez-le avant de le publier.")
    return redirect(bilan)


@login_required
@require_POST
def bilan_publication(request: HttpRequest, pk: int) -> HttpResponse:
    bilan = get_object_or_404(Bilan.objects.select_related("strategy"), pk=pk)
    _copiloted(request, bilan.strategy.code)
    if "retirer" in request.POST:
        snapshots.bilan_unpublish(bilan)
        messages.success(request, "Le bilan n'est plus public.")
    else:
        snapshots.bilan_publish(bilan)
        messages.success(request, "Bilan publié sur le tableau de bord public.")
    return redirect(bilan)


@login_required
@require_POST
def decision_update(request: HttpRequest, pk: int) -> HttpResponse:
    decision = get_object_or_404(Decision.objects.select_related("meeting__body__strategy"), pk=pk)
    strategy = decision.meeting.body.strategy
    if not (perms.is_copilot(request.user, strategy) or decision.owner_id == request.user.pk):
        raise PermissionDenied("Seuls les copilotes et le responsable du suivi mettent à jour une décision.")
    try:
        services.decision_update(
            decision, status=request.POST.get("status", ""), by=request.user, today=timezone.localdate()
        )
    except services.WorkflowError as error:
        messages.error(request, str(error))
        return redirect("strategy:governance", code=strategy.code)
    messages.success(request, "Suivi de la décision mis à jour.")
    return redirect("strategy:governance", code=strategy.code)


@login_required
@require_POST
def value_review(request: HttpRequest, pk: int) -> HttpResponse:
    value = get_object_or_404(IndicatorValue.objects.select_related("indicator__strategy"), pk=pk)
    strategy = value.indicator.strategy
    if not perms.is_copilot(request.user, strategy):
        raise PermissionDenied("Seuls les copilotes valident les valeurs des indicateurs.")
    try:
        services.value_review(
            value, accept="valider" in request.POST, comment=request.POST.get("comment", ""), by=request.user
        )
        messages.success(request, "Valeur validée." if "valider" in request.POST else "Valeur écartée.")
    except services.WorkflowError as error:
        messages.error(request, str(error))
    return redirect("strategy:indicator_history", code=strategy.code, indicator=value.indicator.code)


@login_required
@require_POST
def meeting_create(request: HttpRequest, code: str) -> HttpResponse:
    strategy = get_object_or_404(Strategy, code=code)
    bodies = perms.recordable_bodies(request.user, strategy)
    if not bodies.exists():
        raise PermissionDenied("Seuls les copilotes et les animateurs d'un groupe enregistrent ses réunions.")
    form = MeetingForm(request.POST, prefix="reunion", bodies=bodies)
    if not form.is_valid():
        return governance_page(request, strategy, meeting_form=form, status=400)
    meeting = form.save()
    messages.success(request, f"Réunion « {meeting.title} » enregistrée. Ajoutez-y les décisions prises.")
    return redirect(f"{reverse('strategy:governance', kwargs={'code': code})}#reunion-{meeting.pk}")


@login_required
@require_POST
def decision_create(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_object_or_404(Meeting.objects.select_related("body__strategy"), pk=pk)
    strategy = meeting.body.strategy
    if not perms.recordable_bodies(request.user, strategy).filter(pk=meeting.body_id).exists():
        raise PermissionDenied("Seuls les copilotes et les animateurs du groupe ajoutent ses décisions.")
    form = DecisionForm(request.POST, prefix=f"decision-{meeting.pk}", strategy=strategy)
    if not form.is_valid():
        return governance_page(request, strategy, decision_forms={meeting.pk: form}, status=400)
    decision = form.save(commit=False)
    decision.meeting = meeting
    decision.save()
    form.save_m2m()
    messages.success(request, "Décision ajoutée ; elle sera suivie jusqu'à sa mise en œuvre.")
    return redirect(f"{reverse('strategy:governance', kwargs={'code': strategy.code})}#reunion-{meeting.pk}")
