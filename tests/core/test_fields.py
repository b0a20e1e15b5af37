"""Every date typed into a form of the project is bounded (years 1900 to 2200), so that no
date beyond what the daily jobs can count from (9999-12-31 plus a week) is ever stored."""

import importlib
import pkgutil
from datetime import date

import pytest
from django import forms

import essaim
from essaim.core.fields import BoundedDateField


def _project_forms():
    for module in pkgutil.walk_packages(essaim.__path__, "essaim."):
        if ".migrations" not in module.name:
            importlib.import_module(module.name)
    found, stack = [], [forms.BaseForm]
    while stack:
        cls = stack.pop()
        for sub in cls.__subclasses__():
            stack.append(sub)
            if sub.__module__.startswith("essaim."):
                found.append(sub)
    return found


def test_every_date_field_of_every_project_form_is_bounded():
    project_forms = _project_forms()
    assert len(project_forms) > 10  # the enumeration found the forms
    unbounded = [
        f"{form.__module__}.{form.__name__}.{name}"
        for form in project_forms
        for name, field in form.base_fields.items()
        if isinstance(field, forms.DateField) and not isinstance(field, BoundedDateField)
    ]
    assert unbounded == []


@pytest.mark.parametrize("typed", ["9999-12-31", "0001-01-01", "1899-12-31", "2201-01-01"])
def test_a_date_out_of_bounds_is_refused_in_french(typed):
    field = BoundedDateField()
    with pytest.raises(forms.ValidationError) as refused:
        field.clean(typed)
    assert refused.value.messages == ["Indiquez une date entre 1900 et 2200."]


def test_a_date_within_bounds_is_read():
    assert BoundedDateField().clean("2200-12-31") == date(2200, 12, 31)
    assert BoundedDateField().clean("1900-01-01") == date(1900, 1, 1)


def test_every_multiple_choice_of_ids_in_every_project_form_refuses_impossible_ids():
    from essaim.core.fields import IdMultipleChoiceField

    stock = [
        f"{form.__module__}.{form.__name__}.{name}"
        for form in _project_forms()
        for name, field in form.base_fields.items()
        if isinstance(field, forms.ModelMultipleChoiceField)
        and not isinstance(field, IdMultipleChoiceField)
        and (field.to_field_name or "pk") == "pk"
    ]
    assert stock == []


@pytest.mark.django_db
@pytest.mark.parametrize("typed", ["999999999999999999999", "-1", "1e3", "abc"])
def test_an_impossible_id_in_a_multiple_choice_is_refused_in_french(typed):
    from essaim.core.fields import IdMultipleChoiceField
    from essaim.organisations.models import OrganisationRole

    field = IdMultipleChoiceField(queryset=OrganisationRole.objects.all())
    with pytest.raises(forms.ValidationError) as refused:
        field.clean([typed])
    assert "n’est pas une valeur correcte" in str(refused.value)
