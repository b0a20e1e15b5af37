"""The question bank from its file into the database (`setup_reference`), idempotent.

A new framework version becomes the current one; campaigns already opened keep theirs. Within a
version, an item gets a new version only when the file carries a higher one than the database (the
CRESS's edits in the admin raise it too, so they and its regional items survive a reload); an item
a campaign has asked keeps its wording and the new one becomes a new row (`item_version_save`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from essaim.diagnostics.bank import Bank, ItemSpec, parse_bank
from essaim.diagnostics.models import Domain, Framework, Item, Theme
from essaim.diagnostics.services.bank import item_version_save

DATA = Path(__file__).parent / "data"
GUIDE = DATA / "guide_bonnes_pratiques.yaml"


@dataclass(frozen=True)
class BankLoaded:
    framework: Framework
    created: int
    updated: int


def _item_fields(spec: ItemSpec, order: int) -> dict[str, object]:
    return {
        "version": spec.version,
        "order": order,
        "kind": spec.kind,
        "text": spec.text,
        "unit": spec.unit,
        "quick": spec.quick,
        "about": spec.about,
        "key_ideas": spec.key_ideas,
        "legal": spec.legal,
        "examples": spec.examples,
        "source": spec.source,
        "suggested_actions": dict(spec.suggested_actions),
    }


@transaction.atomic
def bank_load(bank: Bank) -> BankLoaded:
    framework, made = Framework.objects.get_or_create(
        code=bank.code, version=bank.version, defaults={"title": bank.title, "source": bank.source}
    )
    if made:
        Framework.objects.filter(code=bank.code).exclude(pk=framework.pk).update(is_current=False)
    created = updated = 0
    for theme_order, theme_spec in enumerate(bank.themes):
        theme, _ = Theme.objects.update_or_create(
            framework=framework,
            code=theme_spec.code,
            defaults={
                "order": theme_order,
                "title": theme_spec.title,
                "summary": theme_spec.summary,
                "source": theme_spec.source,
            },
        )
        for domain_order, domain_spec in enumerate(theme_spec.domains):
            domain, _ = Domain.objects.update_or_create(
                theme=theme, code=domain_spec.code, defaults={"order": domain_order, "title": domain_spec.title}
            )
            for item_order, spec in enumerate(domain_spec.items):
                existing = Item.objects.filter(domain=domain, code=spec.code).order_by("-version").first()
                if existing is None:
                    Item.objects.create(domain=domain, code=spec.code, **_item_fields(spec, item_order))
                    created += 1
                elif not existing.regional and spec.version > existing.version:
                    for name, value in _item_fields(spec, item_order).items():
                        setattr(existing, name, value)
                    item_version_save(existing, version=spec.version)
                    updated += 1
    return BankLoaded(framework=framework, created=created, updated=updated)


def bank_load_file(path: Path = GUIDE) -> BankLoaded:
    return bank_load(parse_bank(path.read_text(encoding="utf-8")))
