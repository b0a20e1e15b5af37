"""One change history for every module: who changed which field of what, when, from what to what.

A module declares the models it tracks, once, from its `AppConfig.ready()`:

    history.track(Action, fields=["title", "status", ...], extras={"leads": Extra("référents", leads_of)})

then every service that changes such an object wraps the change:

    with history.tracking(action, by=user, summary="Mise à jour par un point d'avancement validé"):
        action.status = ...
        action.save()

Nothing is written when nothing changed; a creation is recorded with every field. A change that
is not a field of the object (a milestone reached, a document added) is `record_event`. Entries
are written explicitly by services, never by signals, so that a technical save (a search index
refresh, a counter) does not flood the history. Values are kept as stored (codes, ids, ISO
dates); `describe` shows them in French with the fields' labels, when they are read.

Why this and not django-simple-history or django-reversion: see docs/decisions/history.md.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any, TypeVar

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format, number_format

from essaim.core.models import HistoryEntry

ModelT = TypeVar("ModelT", bound=models.Model)


@dataclass(frozen=True)
class Extra:
    """A tracked value that is not a column (the leads of an action, the territories of an
    offer): its French label, how to read it from a saved object, and optionally how to show
    one of its stored items."""

    label: str
    read: Callable[[Any], Any]
    show: Callable[[Any], str] | None = None


@dataclass(frozen=True)
class Tracked:
    fields: tuple[str, ...]
    extras: dict[str, Extra] = field(default_factory=dict)


_tracked: dict[type[models.Model], Tracked] = {}


def track(model: type[models.Model], *, fields: list[str], extras: dict[str, Extra] | None = None) -> None:
    """Declare which fields of `model` the history follows (a foreign key by its `_id` name)."""
    _tracked[model] = Tracked(fields=tuple(fields), extras=dict(extras or {}))


def tracked(model: type[models.Model]) -> Tracked:
    try:
        return _tracked[model]
    except KeyError:
        raise LookupError(f"{model.__name__} is not tracked: call history.track() from its app's ready()") from None


def _plain(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        # "12.50" → "12.5", "1E+2" → "100": the shortest exact text of the figure.
        return format(value.normalize(), "f")
    return value


def snapshot(instance: models.Model) -> dict[str, Any]:
    """The tracked values of an object, JSON-ready ({} for an object not yet saved)."""
    if instance.pk is None:
        return {}
    spec = tracked(type(instance))
    values = {name: _plain(getattr(instance, name)) for name in spec.fields}
    for name, extra in spec.extras.items():
        values[name] = extra.read(instance)
    return values


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    """{field: [before, after]} for every field whose value changed."""
    return {name: [before.get(name), value] for name, value in after.items() if before.get(name) != value}


def record(instance: models.Model, before: dict[str, Any], *, by: Any, summary: str) -> HistoryEntry | None:
    """Write what changed since `before`; nothing when nothing changed (a creation, where
    `before` is empty, is recorded with every field)."""
    changes = diff(before, snapshot(instance))
    if not changes and before:
        return None
    return record_event(instance, by=by, summary=summary, changes=changes)


def record_event(instance: models.Model, *, by: Any, summary: str, changes: dict[str, list[Any]]) -> HistoryEntry:
    """Record a change that is not a field of the object itself (a milestone reached, a
    document added, a state change written by a guarded UPDATE)."""
    return HistoryEntry.objects.create(
        content_type=ContentType.objects.get_for_model(instance),
        object_id=instance.pk,
        object_label=str(instance)[:300],
        author=by if getattr(by, "is_authenticated", False) else None,
        summary=summary[:200],
        changes=changes,
    )


@contextmanager
def tracking(instance: models.Model, *, by: Any, summary: str) -> Iterator[None]:
    """`with tracking(obj, by=user, summary="…"):` change and save it; what changed is recorded."""
    before = snapshot(instance)
    yield
    record(instance, before, by=by, summary=summary)


def save_fields(instance: ModelT, *, data: Mapping[str, Any], fields: Iterable[str], by: Any, summary: str) -> ModelT:
    """Set each of `fields` found in `data` on the object, save it and record what changed: the
    plain "create or edit from a form" write of a service."""
    with tracking(instance, by=by, summary=summary):
        for name in fields:
            if name in data:
                setattr(instance, name, data[name])
        instance.save()
    return instance


def entries_of(instance: models.Model) -> models.QuerySet[HistoryEntry]:
    """The history of one object, newest first."""
    return HistoryEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(instance), object_id=instance.pk
    ).select_related("author", "content_type")


def entries_of_many(model: type[models.Model], ids: Any) -> models.QuerySet[HistoryEntry]:
    """The history of several objects of one model (ids: a list or a subquery of pks)."""
    return HistoryEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(model), object_id__in=ids
    ).select_related("author", "content_type")


# Reading in French ------------------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    label: str
    before: str
    after: str


EMPTY = "—"


def describe(entry: HistoryEntry) -> list[Line]:
    """The entry's changes as French lines: the field's label, each value shown as a person
    reads it (a choice by its label, a date in words, a linked object by its name)."""
    return describe_changes(entry.content_type.model_class(), entry.changes)


def describe_changes(model: type[models.Model] | None, changes: Mapping[str, Any]) -> list[Line]:
    """Changes written as the history writes them ({field: [before, after]}) as French lines,
    with the same labels and values as the history (a change still waiting for a decision)."""
    spec = _tracked.get(model) if model else None
    lines = []
    for name, values in changes.items():
        before, after = (values + [None, None])[:2] if isinstance(values, list) else (None, values)
        label, show = _field_reader(model, spec, name)
        line = Line(label=label, before=show(before), after=show(after))
        if line.before != line.after:  # "" → None on a creation says nothing
            lines.append(line)
    return lines


def label_of(model: type[models.Model], name: str) -> str:
    """The French label the history shows for one tracked field of the model."""
    return _field_reader(model, _tracked.get(model), name)[0]


def _field_reader(model: Any, spec: Tracked | None, name: str) -> tuple[str, Callable[[Any], str]]:
    if spec and name in spec.extras:
        extra = spec.extras[name]
        return extra.label, _list_shower(extra.show or _show_plain)
    model_field = _model_field(model, name) if model else None
    if model_field is None:
        # An event's own key ("jalon", "document"), already French.
        return name.replace("_", " "), _show_plain
    label = str(model_field.verbose_name)
    if model_field.is_relation and model_field.related_model is not None:
        related = model_field.related_model
        return label, lambda value: _show_related(related, value)
    if model_field.choices:
        choices = {str(key): str(text) for key, text in model_field.flatchoices}
        return label, lambda value: EMPTY if value in (None, "") else choices.get(str(value), str(value))
    if isinstance(model_field, (models.DecimalField, models.FloatField, models.IntegerField)):
        return label, _show_number
    return label, _show_plain


def _model_field(model: Any, name: str) -> Any:
    for model_field in model._meta.get_fields():
        if getattr(model_field, "attname", None) == name or model_field.name == name:
            return model_field
    return None


def _show_related(related: Any, value: Any) -> str:
    if value in (None, ""):
        return EMPTY
    found = related._default_manager.filter(pk=value).first()
    return str(found) if found else f"n° {value} (supprimé)"


def _show_number(value: Any) -> str:
    """A stored figure as French writes it: "161500.5" → "161 500,5"."""
    if value is None or value == "":
        return EMPTY
    try:
        number = Decimal(str(value))
    except ArithmeticError:
        return str(value)
    return number_format(number, use_l10n=True, force_grouping=True)


def _show_plain(value: Any) -> str:
    if value is None or value == "" or value == [] or value == {}:
        return EMPTY
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, dict):
        return " ; ".join(f"{key} : {_show_plain(item)}" for key, item in value.items())
    if isinstance(value, list):
        return ", ".join(_show_plain(item) for item in value)
    if isinstance(value, str):
        return _show_date(value) or value
    return str(value)


def _list_shower(show: Callable[[Any], str]) -> Callable[[Any], str]:
    def show_all(value: Any) -> str:
        if value is None or value == [] or value == "":
            return EMPTY
        if isinstance(value, list):
            return ", ".join(show(item) for item in value)
        return show(value)

    return show_all


def _show_date(text: str) -> str:
    """ "2024-03-12" → "12 mars 2024"; a timestamp also gets its time; anything else: ""."""
    if not (10 <= len(text) <= 32 and text[4:5] == "-" and text[7:8] == "-"):
        return ""
    try:
        if len(text) == 10:
            return date_format(date.fromisoformat(text), "j F Y")
        moment = datetime.fromisoformat(text)
    except ValueError:
        return ""
    if timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    return date_format(moment, "j F Y à H:i")
