"""Writes to the directory that go beyond one form: the CSV import."""

from __future__ import annotations

from essaim.core.imports import ImportReport, Noun, Row, RowError
from essaim.core.imports.writing import all_or_nothing
from essaim.core.text import fold
from essaim.organisations.forms import OrganisationRowForm
from essaim.organisations.models import Organisation, OrganisationRole
from essaim.territories.models import Commune
from essaim.territories.names import insee_code

ORGANISATION = Noun("structure", "structures", feminine=True)
REQUIRED_COLUMNS = ["name"]
OPTIONAL_COLUMNS = [
    "siret",
    "legal_category",
    "ess_family",
    "naf_code",
    "headcount_band",
    "commune_code",
    "address",
    "website",
    "email",
    "phone",
    "description",
    "roles",
]


def _existing(siret: str, name: str, commune: Commune | None) -> Organisation | None:
    """The structure a row describes again: same SIRET, or, without one, same name in the same commune."""
    if siret:
        return Organisation.objects.filter(siret=siret).first()
    return Organisation.objects.filter(search_name=fold(name), commune=commune, siret="").first()


def organisations_import(*, rows: list[Row], dry_run: bool = False) -> ImportReport:
    """Validate every row, then create or update all structures in one transaction, or none.

    A row matches an existing structure by SIRET, or by name and commune when it has no SIRET;
    a matched structure is updated, its roles replaced by the row's.
    """
    report = ImportReport(ORGANISATION, dry_run=dry_run, lines_read=len(rows))
    roles_by_slug = {role.slug: role for role in OrganisationRole.objects.filter(is_obsolete=False)}
    valid: list[tuple[OrganisationRowForm, bool]] = []
    seen: dict[tuple[str, str], int] = {}

    for row in rows:
        if row.problem:
            report.errors.append(RowError(row.line, row.problem + "."))
            continue
        values = row.values
        key = (
            ("siret", values.get("siret", "").replace(" ", ""))
            if values.get("siret")
            else ("name", f"{fold(values.get('name', ''))}|{insee_code(values.get('commune_code', ''))}")
        )
        if key in seen:
            report.errors.append(RowError(row.line, f"cette structure figure déjà à la ligne {seen[key]}."))
            continue
        seen[key] = row.line
        probe = OrganisationRowForm(data=values, roles_by_slug=roles_by_slug)
        probe.is_valid()
        instance = _existing(
            probe.cleaned_data.get("siret", ""), values.get("name", ""), probe.cleaned_data.get("commune_code")
        )
        form = OrganisationRowForm(data=values, instance=instance, roles_by_slug=roles_by_slug) if instance else probe
        if not form.is_valid():
            for field_name, messages in form.errors.items():
                label = field_name if field_name != "__all__" else ""
                for message in messages:
                    report.errors.append(RowError(row.line, f"{label} : {message}" if label else str(message)))
            continue
        valid.append((form, instance is not None))

    if report.errors:
        return report

    with all_or_nothing(dry_run=dry_run):
        for form, is_update in valid:
            if is_update and not form.has_changed():
                report.count("unchanged")
                continue
            organisation = form.save(commit=False)
            organisation.commune = form.cleaned_data["commune_code"]
            organisation.save()
            organisation.roles.set(form.cleaned_data["roles"])
            report.count("updated" if is_update else "created")
    return report
