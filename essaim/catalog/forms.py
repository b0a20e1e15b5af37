from __future__ import annotations

from datetime import date
from typing import Any

from django import forms

from essaim.catalog import matching
from essaim.catalog.models import Audience, Need, Offer, OfferType, RefinementQuestion, Sector, Stage
from essaim.core.widgets import QuickSelect
from essaim.organisations.models import Organisation
from essaim.territories.forms import CommuneField

NO_STRUCTURE = {"porteur_individuel", "collectif_informel"}
QUESTION_PREFIX = "question_"
YES_NO = [("", "Je ne sais pas"), ("oui", "Oui"), ("non", "Non")]


class SlugChoiceField(forms.ModelChoiceField):
    def __init__(self, model: Any, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("widget", QuickSelect)
        super().__init__(queryset=model.objects.filter(is_obsolete=False), to_field_name="slug", **kwargs)


class SlugMultipleChoiceField(forms.ModelMultipleChoiceField):
    def __init__(self, model: Any, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        super().__init__(queryset=model.objects.filter(is_obsolete=False), to_field_name="slug", **kwargs)


class OrientationForm(forms.Form):
    """All the answers of the guided path. Every field is optional here; each step requires its
    own (see STEPS), so the same form reads a half-finished path and the results page."""

    stage = SlugChoiceField(Stage, label="Où en est votre projet ?", widget=forms.RadioSelect)
    needs = SlugMultipleChoiceField(
        Need,
        label="De quoi avez-vous besoin ?",
        widget=forms.CheckboxSelectMultiple,
        help_text="Plusieurs choix possibles.",
    )
    audience = SlugChoiceField(Audience, label="Quel est votre statut ?", widget=forms.RadioSelect)
    years = forms.IntegerField(
        label="Depuis combien d'années la structure existe-t-elle ?",
        required=False,
        min_value=0,
        max_value=300,
        help_text="Facultatif. 0 si elle a moins d'un an.",
    )
    employees = forms.IntegerField(
        label="Combien de salariés compte-t-elle ?",
        required=False,
        min_value=0,
        max_value=1_000_000,
        help_text="Facultatif.",
    )
    sector = SlugChoiceField(
        Sector,
        label="Dans quel secteur agissez-vous ?",
        widget=forms.RadioSelect,
        empty_label="Plusieurs secteurs ou autre",
    )
    commune = CommuneField(label="Dans quelle commune se situe votre projet ?", required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The optional yes/no refinement questions, one field each (`question_<slug>`).
        self.questions = {question.slug: question for question in RefinementQuestion.objects.filter(is_obsolete=False)}
        for slug, question in self.questions.items():
            self.fields[QUESTION_PREFIX + slug] = forms.ChoiceField(
                label=question.label,
                help_text=question.help_text,
                choices=YES_NO,
                required=False,
                widget=forms.RadioSelect,
            )

    def given_answers(self) -> dict[str, bool]:
        """The refinement questions answered yes or no; call after is_valid()."""
        return {
            slug: self.cleaned_data[QUESTION_PREFIX + slug] == "oui"
            for slug in self.questions
            if self.cleaned_data.get(QUESTION_PREFIX + slug)
        }

    def answers(self, today: date) -> matching.Answers:
        """The answers for matching; call after is_valid()."""
        data = self.cleaned_data
        audience = data.get("audience")
        without_structure = audience is not None and audience.slug in NO_STRUCTURE
        commune = data.get("commune")
        return matching.Answers(
            today=today,
            stage=data["stage"].slug if data.get("stage") else None,
            needs=frozenset(need.slug for need in data.get("needs") or []),
            audience=audience.slug if audience else None,
            sector=data["sector"].slug if data.get("sector") else None,
            place=commune.places if commune else None,
            years=0 if without_structure else data.get("years"),
            employees=0 if without_structure else data.get("employees"),
            answers=self.given_answers(),
        )


class SearchForm(forms.Form):
    SORTS = [
        ("pertinence", "Pertinence"),
        ("echeance", "Date limite la plus proche"),
        ("fraicheur", "Mise à jour récente"),
    ]

    # Not max_length: a very long query is cut, not refused (only its first words count anyway).
    q = forms.CharField(
        label="Mots-clés", required=False, widget=forms.TextInput(attrs={"type": "search", "maxlength": 500})
    )
    stage = SlugChoiceField(Stage, label="Étape du projet", empty_label="Toutes")
    need = SlugChoiceField(Need, label="Besoin", empty_label="Tous")
    type = SlugChoiceField(OfferType, label="Type d'offre", empty_label="Tous")
    audience = SlugChoiceField(Audience, label="Public", empty_label="Tous")
    sector = SlugChoiceField(Sector, label="Secteur", empty_label="Tous")
    commune = CommuneField(label="Commune", required=False)
    operator = forms.ModelChoiceField(
        label="Opérateur",
        # A semi-join on the published offers' operators: DISTINCT over a join costs far more.
        queryset=Organisation.objects.filter(
            pk__in=Offer.objects.filter(status=Offer.Status.PUBLISHED).values("operator_id")
        ).only("name", "slug"),
        to_field_name="slug",
        required=False,
        empty_label="Tous",
        widget=QuickSelect,
    )
    open_now = forms.BooleanField(label="Ouvertes aujourd'hui seulement", required=False)
    sort = forms.ChoiceField(label="Trier par", choices=SORTS, required=False, widget=QuickSelect)

    def clean_q(self) -> str:
        return str(self.cleaned_data.get("q", ""))[:500]
