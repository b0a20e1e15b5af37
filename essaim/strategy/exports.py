"""Exports of a strategy: the action plan (CSV, XLSX), indicator values (CSV), a bilan as a
tagged PDF (WeasyPrint, PDF/UA) and as an OpenDocument text the CRESS can edit."""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone

from essaim.core.emails import publisher_identity
from essaim.core.pdf import tagged_pdf
from essaim.core.templatetags.essaim import fr_typo
from essaim.strategy.bilan_data import tree
from essaim.strategy.models import Action, Bilan, IndicatorValue
from essaim.strategy.values import decimal_text

PLAN_COLUMNS = [
    "Numéro",
    "Titre",
    "Niveau 1",
    "Niveau 2",
    "Description",
    "État",
    # True both while the strategy runs ("en retard") and after its end ("non réalisée").
    "Échéance dépassée",
    "Météo",
    "Structure pilote",
    "Groupe-projet",
    "Référents",
    "Partenaires",
    "Budget prévu (€)",
    "Début prévu",
    "Fin prévue",
    "Plans d'actions",
    "Indicateurs",
    "Visible du public",
]

VALUE_COLUMNS = ["Indicateur", "Code", "Nature", "Unité", "Date", "Valeur", "Millésime", "Source", "État"]


def plan_rows(actions: Iterable[Action], *, internal: bool) -> list[dict[str, Any]]:
    """One row per action, numbered, with its level-1 and level-2 parents. For the public,
    without the leads' names (personal data) nor internal indicators."""
    today = timezone.localdate()
    rows = []
    for action in actions:
        ancestors = action.ancestors()
        budget = action.budget_total()
        indicators = [indicator for indicator in action.indicators.all() if internal or indicator.is_public]
        rows.append(
            {
                "Numéro": action.code,
                "Titre": action.title,
                "Niveau 1": f"{ancestors[0].code} {ancestors[0].title}" if ancestors else "",
                "Niveau 2": f"{ancestors[1].code} {ancestors[1].title}" if len(ancestors) > 1 else "",
                "Description": action.description,
                "État": action.get_status_display(),
                "Échéance dépassée": "oui" if action.is_late_on(today) else "non",
                "Météo": action.get_weather_display() if action.weather else "",
                "Structure pilote": action.pilot.name if action.pilot else "",
                "Groupe-projet": action.group.name if action.group else "",
                "Référents": ", ".join(lead.get_full_name() for lead in action.leads.all()) if internal else "",
                "Partenaires": ", ".join(partner.name for partner in action.partners.all()),
                "Budget prévu (€)": decimal_text(budget) if budget is not None else "",
                "Début prévu": action.planned_start.isoformat() if action.planned_start else "",
                "Fin prévue": action.planned_end.isoformat() if action.planned_end else "",
                "Plans d'actions": ", ".join(plan.title for plan in action.plans.all()),
                "Indicateurs": ", ".join(indicator.name for indicator in indicators),
                "Visible du public": "oui" if action.is_public else "non",
            }
        )
    return rows


def plan_actions(actions: Any) -> Any:
    return (
        actions.select_related("node__parent__parent__parent", "pilot", "group")
        .prefetch_related("leads", "partners", "plans", "indicators", "budget_lines")
        .order_by("order")
    )


def value_rows(values: Iterable[IndicatorValue]) -> list[dict[str, Any]]:
    return [
        {
            "Indicateur": value.indicator.name,
            "Code": value.indicator.code,
            "Nature": value.indicator.get_kind_display(),
            "Unité": value.indicator.unit,
            "Date": value.measured_on.isoformat(),
            "Valeur": value.value,
            "Millésime": value.vintage,
            "Source": value.source,
            "État": value.get_state_display(),
        }
        for value in values
    ]


def bilan_html(bilan: Bilan, context: dict[str, Any]) -> str:
    return render_to_string("strategy/bilan_print.html", {"bilan": bilan, **publisher_identity(), **context})


def bilan_pdf(bilan: Bilan, context: dict[str, Any]) -> bytes:
    """A tagged PDF (structure tree, language, title) in the PDF/UA variant, for screen readers."""
    return tagged_pdf(bilan_html(bilan, context))


def bilan_odt(bilan: Bilan, context: dict[str, Any]) -> bytes:
    """An OpenDocument text with real headings, lists and tables (styles the CRESS can restyle)."""
    from odf.opendocument import OpenDocumentText
    from odf.style import Style, TableColumnProperties, TextProperties
    from odf.table import Table, TableCell, TableColumn, TableRow
    from odf.text import H, List, ListItem, P

    document = OpenDocumentText()
    document.meta.addElement(_odf_title(bilan.title))
    bold = Style(name="Fort", family="text")
    bold.addElement(TextProperties(fontweight="bold"))
    column = Style(name="Colonne", family="table-column")
    column.addElement(TableColumnProperties(columnwidth="4cm"))
    document.automaticstyles.addElement(bold)
    document.automaticstyles.addElement(column)
    data = context["data"]
    status_labels, weather_labels = context["status_labels"], context["weather_labels"]

    document.text.addElement(H(outlinelevel=1, text=bilan.title))
    document.text.addElement(P(text=f"{bilan.strategy.title}. Situation arrêtée au {bilan.as_of:%d/%m/%Y}."))
    document.text.addElement(P(text=fr_typo(context["summary"])))
    if bilan.introduction:
        for paragraph in bilan.introduction.split("\n\n"):
            document.text.addElement(P(text=paragraph.strip()))

    def table(name: str, header: list[str], rows: list[list[str]]) -> Any:
        element = Table(name=name)
        element.addElement(TableColumn(numbercolumnsrepeated=len(header), stylename=column))
        for cells in [header, *rows]:
            row = TableRow()
            for text in cells:
                cell = TableCell(valuetype="string")
                cell.addElement(P(text=text))
                row.addElement(cell)
            element.addElement(row)
        return element

    document.text.addElement(H(outlinelevel=2, text="Les actions en chiffres"))
    counts = data["counts"]
    document.text.addElement(
        table(
            "Etats",
            ["État", "Actions"],
            [[status_labels[key], str(count)] for key, count in counts["status"].items()]
            + [[context["overdue"].heading, str(counts["late"])]],
        )
    )
    document.text.addElement(
        table(
            "Meteo",
            ["Météo", "Actions"],
            [[weather_labels[key], str(count)] for key, count in counts["weather"].items()],
        )
    )

    def node_section(node: dict[str, Any], level: int) -> None:
        document.text.addElement(
            H(outlinelevel=min(level, 6), text=f"{node['level_label']} {node['code']} — {node['title']}")
        )
        if node["actions"]:
            items = List()
            for action in node["actions"]:
                item = ListItem()
                state = status_labels.get(action["status"], action["status"])
                suffix = f", météo : {weather_labels[action['weather']].lower()}" if action["weather"] else ""
                late = f", {context['overdue'].one}" if action["late"] else ""
                item.addElement(P(text=fr_typo(f"{action['code']} {action['title']} : {state.lower()}{late}{suffix}.")))
                report = action["report"]
                if report and (report["highlights"] or report["done"]):
                    item.addElement(P(text=report["highlights"] or report["done"]))
                items.addElement(item)
            document.text.addElement(items)
        for child in node["children"]:
            node_section(child, level + 1)

    for root in tree(data):
        node_section(root, 2)

    if data["indicators"]:
        document.text.addElement(H(outlinelevel=2, text="Indicateurs"))
        document.text.addElement(
            table(
                "Indicateurs",
                ["Indicateur", "Départ", "Valeur", "Cible", "Source (millésime)"],
                [
                    [
                        f"{item['name']} ({item['unit']})",
                        item["baseline"] or "—",
                        item["current"] or "—",
                        item["target"] or "—",
                        f"{item['source']} ({item['vintage']})" if item["vintage"] else item["source"],
                    ]
                    for item in data["indicators"]
                ],
            )
        )
    buffer = io.BytesIO()
    document.write(buffer)
    return buffer.getvalue()


def _odf_title(text: str) -> Any:
    from odf.dc import Title

    return Title(text=text)
