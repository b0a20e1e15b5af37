from django import forms
from django.contrib import admin

from essaim.catalog.models import (
    LOW_RISK_CANDIDATES,
    TAXONOMY_MODELS,
    Alert,
    Audience,
    Need,
    Offer,
    OfferEvent,
    OfferRevision,
    OfferTerritory,
    OfferType,
    RefinementQuestion,
    RevisionPolicy,
    SearchLog,
    Sector,
    Stage,
    Synonym,
)
from essaim.catalog.services import offer_save
from essaim.core.admin import CheckedPrefillAdmin, SettingsRowAdmin, TaxonomyAdmin
from essaim.core.history import label_of

for model in (Stage, Need, Audience, Sector):
    admin.site.register(model, TaxonomyAdmin)


@admin.register(OfferType)
class OfferTypeAdmin(TaxonomyAdmin):
    list_display = ["label", "slug", "kind", "order", "is_obsolete"]
    list_filter = ["kind"]


@admin.register(RefinementQuestion)
class RefinementQuestionAdmin(TaxonomyAdmin):
    filter_horizontal = ["needs"]


@admin.register(Synonym)
class SynonymAdmin(admin.ModelAdmin):
    list_display = ["term", "synonyms"]
    search_fields = ["term", "synonyms"]


class OfferTerritoryInline(admin.TabularInline):
    model = OfferTerritory
    extra = 0


@admin.register(Offer)
class OfferAdmin(CheckedPrefillAdmin):
    list_display = ["title", "operator", "status", "deadline", "review_due_on", "broken_link"]
    list_filter = ["status", "offer_types", "stages", "needs", "broken_link", "recurrence"]
    search_fields = ["title", "summary", "external_id", "operator__name"]
    autocomplete_fields = ["operator", "parent"]
    filter_horizontal = ["offer_types", "stages", "needs", "audiences", "sectors"]
    prepopulated_fields = {"slug": ["title"]}
    # The status moves through moderation (`offer_transition`), which checks the offer can be
    # published and says so in its history: never by hand here.
    readonly_fields = ["status", "review_due_on", "links_checked_at", "created_at", "updated_at"]
    list_select_related = ["operator"]
    inlines = [OfferTerritoryInline]

    def save_model(self, request, obj, form, change):  # type: ignore[no-untyped-def]
        # Saved with its relations in save_related, through the one service that saves offers.
        pass

    def save_related(self, request, form, formsets, change):  # type: ignore[no-untyped-def]
        territories = [
            (row.cleaned_data["kind"], row.cleaned_data.get("code", ""), row.cleaned_data.get("name", ""))
            for formset in formsets
            if formset.model is OfferTerritory
            for row in formset.forms
            if row.cleaned_data and not row.cleaned_data.get("DELETE")
        ]
        offer_save(
            offer=form.instance,
            relations={name: form.cleaned_data[name] for name in TAXONOMY_MODELS},
            territories=territories,
            by=request.user,
            summary="Modification dans l'administration" if change else "Création dans l'administration",
        )
        for formset in formsets:
            # The service wrote the territories; the admin's own log reads what formsets saved.
            formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []


@admin.register(SearchLog)
class SearchLogAdmin(admin.ModelAdmin):
    list_display = ["created_at", "kind", "result_count"]
    list_filter = ["kind"]
    readonly_fields = ["created_at", "kind", "criteria", "result_count"]

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False  # a log is written by the searches, never by hand


@admin.register(OfferEvent)
class OfferEventAdmin(admin.ModelAdmin):
    list_display = ["created_at", "kind", "offer"]
    list_filter = ["kind"]
    list_select_related = ["offer"]


@admin.register(Alert)
class AlertAdmin(admin.ModelAdmin):
    list_display = ["label", "email", "frequency", "confirmed_at", "last_sent_at"]
    list_filter = ["frequency"]
    search_fields = ["email", "label"]


class RevisionPolicyForm(forms.ModelForm):
    low_risk_fields = forms.MultipleChoiceField(
        label="Champs publiés sans attente",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=RevisionPolicy._meta.get_field("low_risk_fields").help_text,
    )

    class Meta:
        model = RevisionPolicy
        fields = ["low_risk_fields"]

    def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        # The labels the history and the moderation show, for the fields a CRESS may choose.
        self.fields["low_risk_fields"].choices = [(name, _label(name)) for name in LOW_RISK_CANDIDATES]


def _label(name: str) -> str:
    label = label_of(Offer, name)
    return label[:1].upper() + label[1:]


@admin.register(RevisionPolicy)
class RevisionPolicyAdmin(SettingsRowAdmin):
    form = RevisionPolicyForm


@admin.register(OfferRevision)
class OfferRevisionAdmin(admin.ModelAdmin):
    """Read-only: the CRESS decides in the moderation page, where the decision is recorded."""

    list_display = ["offer", "status", "author", "updated_at", "decided_by"]
    list_filter = ["status"]
    list_select_related = ["offer", "author", "decided_by"]
    search_fields = ["offer__title"]

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False
