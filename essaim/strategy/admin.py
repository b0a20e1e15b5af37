from django.contrib import admin

from essaim.core.admin import CheckedAutocompleteMixin, CheckedPrefillAdmin
from essaim.strategy.models import (
    Action,
    ActionDocument,
    ActionPlan,
    Bilan,
    Body,
    BudgetLine,
    Campaign,
    Decision,
    Indicator,
    IndicatorTarget,
    IndicatorValue,
    Meeting,
    Milestone,
    ProgressReport,
    Strategy,
    StrategyMember,
    StrategyNode,
)


class MemberInline(CheckedAutocompleteMixin, admin.TabularInline):
    model = StrategyMember
    extra = 0
    autocomplete_fields = ["user"]


class PlanInline(admin.TabularInline):
    model = ActionPlan
    extra = 0


@admin.register(Strategy)
class StrategyAdmin(admin.ModelAdmin):
    list_display = ["short_title", "region", "starts_on", "ends_on", "status", "is_public"]
    inlines = [MemberInline, PlanInline]
    filter_horizontal = ["copilots"]


@admin.register(StrategyNode)
class StrategyNodeAdmin(admin.ModelAdmin):
    list_display = ["code", "title", "strategy", "level"]
    list_filter = ["strategy"]
    search_fields = ["code", "title"]


class MilestoneInline(admin.TabularInline):
    model = Milestone
    extra = 0


class BudgetInline(admin.TabularInline):
    model = BudgetLine
    extra = 0


class DocumentInline(admin.TabularInline):
    model = ActionDocument
    extra = 0
    exclude = ["added_by"]


@admin.register(Action)
class ActionAdmin(CheckedPrefillAdmin):
    list_display = ["code", "title", "strategy", "status", "weather", "is_public"]
    list_filter = ["strategy", "status", "weather"]
    search_fields = ["code", "title"]
    inlines = [MilestoneInline, BudgetInline, DocumentInline]
    filter_horizontal = ["plans", "partners"]
    autocomplete_fields = ["leads"]
    # States change through validated reports (and the strategy file), which keep the history
    # that bilans read back: never by hand here.
    readonly_fields = ["status", "weather"]


@admin.register(Body)
class BodyAdmin(CheckedPrefillAdmin):
    list_display = ["name", "kind", "strategy", "pilot"]
    list_filter = ["strategy", "kind"]
    autocomplete_fields = ["leads"]


class DecisionInline(admin.StackedInline):
    model = Decision
    extra = 0
    filter_horizontal = ["actions"]
    readonly_fields = ["status", "done_on"]  # followed up from the governance page, with its history


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["title", "body", "held_on", "is_public"]
    list_filter = ["body__strategy", "body"]
    inlines = [DecisionInline]


class TargetInline(admin.TabularInline):
    model = IndicatorTarget
    extra = 0


@admin.register(Indicator)
class IndicatorAdmin(CheckedPrefillAdmin):
    list_display = ["name", "strategy", "kind", "unit", "platform_metric", "is_public"]
    list_filter = ["strategy", "kind"]
    inlines = [TargetInline]
    filter_horizontal = ["actions"]
    autocomplete_fields = ["leads"]


@admin.register(IndicatorValue)
class IndicatorValueAdmin(admin.ModelAdmin):
    list_display = ["indicator", "measured_on", "value", "vintage", "source", "state"]
    list_filter = ["state", "indicator__strategy"]
    readonly_fields = ["report", "proposed_by", "validated_by", "state"]  # reviewed in the platform


@admin.register(Campaign)
class CampaignAdmin(admin.ModelAdmin):
    list_display = ["title", "strategy", "opens_on", "due_on", "status"]
    list_filter = ["strategy", "status"]
    readonly_fields = ["status"]  # opened and closed from the steering board, which tells the leads


@admin.register(ProgressReport)
class ProgressReportAdmin(admin.ModelAdmin):
    list_display = ["action", "campaign", "state", "status", "weather"]
    list_filter = ["state", "campaign"]
    readonly_fields = ["state", "author", "submitted_at", "reviewed_by", "reviewed_at"]


@admin.register(Bilan)
class BilanAdmin(admin.ModelAdmin):
    """The snapshot itself is never edited: a bilan says what was presented."""

    list_display = ["title", "strategy", "as_of", "published_at"]
    readonly_fields = ["strategy", "as_of", "taken_by", "taken_at", "published_at"]

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False  # taken from the steering board, which builds the snapshot
