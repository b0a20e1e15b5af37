"""The campaign's files: the general meeting's synthesis and the note for employees as tagged PDF
(WeasyPrint, PDF/UA) and OpenDocument text, and the answers and plan as CSV or XLSX.

The tables give each answer with its respondent's role, never their name or e-mail."""

from __future__ import annotations

import io
from typing import Any

from django.template.loader import render_to_string

from essaim.core.emails import publisher_identity
from essaim.core.pdf import tagged_pdf
from essaim.core.tables import rows_to_csv, sheets_to_xlsx
from essaim.diagnostics.documents import ActionLine, Report
from essaim.diagnostics.models import Action, Answer, Campaign
from essaim.diagnostics.results import labelled_answers
from essaim.diagnostics.vocabulary import ACTION_STATUS, ANSWERS

DOCUMENTS = {
    "general_meeting": ("Synthèse pour l'assemblée générale", "diagnostics/documents/_general_meeting.html"),
    "staff_note": ("Note d'information aux salariés", "diagnostics/documents/_staff_note.html"),
}

ANSWER_COLUMNS = [
    "Thème",
    "Domaine d'action",
    "Code de l'item",
    "Item",
    "Rôle du répondant",
    "Niveau",
    "Pratiques actuelles",
    "Valeur",
    "À revoir",
]
PLAN_COLUMNS = [
    "Thème",
    "Action",
    "Item",
    "Objectif à un an",
    "Objectif à trois ans",
    "Responsable",
    "Échéance",
    "État",
    "Moyens nécessaires",
]


def document_title(kind: str, report: Report) -> str:
    return f"{DOCUMENTS[kind][0]} — autodiagnostic {report.year}, {report.organisation}"


def document_html(kind: str, report: Report) -> str:
    """The standalone page WeasyPrint turns into a PDF."""
    context = {"report": report, "title": document_title(kind, report), "body": DOCUMENTS[kind][1]}
    return render_to_string("diagnostics/print/document.html", {**context, **publisher_identity()})


def document_pdf(kind: str, report: Report) -> bytes:
    """A tagged PDF (structure tree, language, title) in the PDF/UA variant, for screen readers."""
    return tagged_pdf(document_html(kind, report))


def document_odt(kind: str, report: Report) -> bytes:
    """An OpenDocument text with real headings, lists and tables, the structure can edit."""
    writer = _Odt(document_title(kind, report))
    if kind == "general_meeting":
        _general_meeting_odt(writer, report)
    else:
        _staff_note_odt(writer, report)
    return writer.bytes()


def answer_rows(campaign: Campaign) -> list[dict[str, Any]]:
    """One row per answer that says something, with the respondent's role only where the results
    page would show it (`results.labelled_answers`), in an order that names nobody."""
    levels = dict(ANSWERS)
    answers = (
        Answer.objects.filter(respondent__campaign=campaign)
        .select_related("item__domain__theme", "respondent")
        .order_by("item__domain__theme__order", "item__domain__order", "item__order", "item__pk")
    )
    by_item: dict[int, list[Answer]] = {}
    for answer in answers:
        if answer.level or answer.practices or answer.value is not None or answer.to_review:
            by_item.setdefault(answer.item_id, []).append(answer)
    rows = []
    for item_answers in by_item.values():  # the guide's order
        labelled = labelled_answers(
            [(answer.respondent.role, answer) for answer in item_answers],
            content=lambda answer: f"{answer.level}|{answer.value}|{answer.to_review}|{answer.practices}",
        )
        for label, answer in labelled:
            rows.append(
                {
                    "Thème": answer.item.domain.theme.title,
                    "Domaine d'action": answer.item.domain.title,
                    "Code de l'item": answer.item.code,
                    "Item": answer.item.text,
                    "Rôle du répondant": label,
                    "Niveau": levels.get(answer.level, ""),
                    "Pratiques actuelles": answer.practices,
                    "Valeur": answer.value if answer.value is not None else "",
                    "À revoir": "oui" if answer.to_review else "non",
                }
            )
    return rows


def plan_rows(campaign: Campaign) -> list[dict[str, Any]]:
    statuses = dict(ACTION_STATUS)
    actions = Action.objects.filter(campaign=campaign).select_related("theme", "item").order_by("theme__order", "pk")
    return [
        {
            "Thème": action.theme.title,
            "Action": action.title,
            "Item": action.item.text if action.item else "",
            "Objectif à un an": action.objective_1y,
            "Objectif à trois ans": action.objective_3y,
            "Responsable": action.responsible,
            "Échéance": action.due_on.isoformat() if action.due_on else "",
            "État": statuses.get(action.status, ""),
            "Moyens nécessaires": action.resources,
        }
        for action in actions
    ]


def _answers_tables(campaign: Campaign) -> list[tuple[str, list[dict[str, Any]], list[str]]]:
    return [("Réponses", answer_rows(campaign), ANSWER_COLUMNS), ("Plan d'action", plan_rows(campaign), PLAN_COLUMNS)]


def _plan_tables(campaign: Campaign) -> list[tuple[str, list[dict[str, Any]], list[str]]]:
    return [("Plan d'action", plan_rows(campaign), PLAN_COLUMNS)]


# What can be downloaded as a table: its name in the address -> its sheets (a CSV holds the first).
TABLES = {"reponses": _answers_tables, "plan": _plan_tables}


def table_export(campaign: Campaign, table: str, fmt: str) -> str | bytes:
    """The answers ("reponses", with the plan on a second sheet in XLSX) or the plan ("plan")."""
    sheets = TABLES[table](campaign)
    if fmt == "csv":
        _title, rows, columns = sheets[0]
        return rows_to_csv(rows, columns)
    return sheets_to_xlsx(sheets)


class _Odt:
    """A small writer of OpenDocument text: headings, paragraphs, lists and tables."""

    def __init__(self, title: str) -> None:
        from odf.dc import Title
        from odf.opendocument import OpenDocumentText
        from odf.style import Style, TableColumnProperties

        self.document = OpenDocumentText()
        self.document.meta.addElement(Title(text=title))
        self.column = Style(name="Colonne", family="table-column")
        self.column.addElement(TableColumnProperties(columnwidth="4cm"))
        self.document.automaticstyles.addElement(self.column)
        self.tables = 0
        self.heading(1, title)

    def heading(self, level: int, text: str) -> None:
        from odf.text import H

        self.document.text.addElement(H(outlinelevel=level, text=text))

    def paragraph(self, text: str) -> None:
        from odf.text import P

        self.document.text.addElement(P(text=text))

    def bullets(self, lines: list[str]) -> None:
        from odf.text import List, ListItem, P

        element = List()
        for line in lines:
            item = ListItem()
            item.addElement(P(text=line))
            element.addElement(item)
        self.document.text.addElement(element)

    def table(self, header: list[str], rows: list[list[str]]) -> None:
        from odf.table import Table, TableCell, TableColumn, TableRow
        from odf.text import P

        self.tables += 1
        element = Table(name=f"Tableau{self.tables}")
        element.addElement(TableColumn(numbercolumnsrepeated=len(header), stylename=self.column))
        for cells in [header, *rows]:
            row = TableRow()
            for text in cells:
                cell = TableCell(valuetype="string")
                cell.addElement(P(text=text))
                row.addElement(cell)
            element.addElement(row)
        self.document.text.addElement(element)

    def bytes(self) -> bytes:
        buffer = io.BytesIO()
        self.document.write(buffer)
        return buffer.getvalue()


def _people(count: int) -> str:
    return f"{count} personne{'s' if count > 1 else ''}"


def _answered(count: int) -> str:
    return "ont répondu" if count > 1 else "a répondu"


def _participation_lines(report: Report) -> list[str]:
    return [f"{line.role} : {line.answered} sur {line.invited} invité·es" for line in report.participation]


def _action_text(action: ActionLine, *, short: bool = False) -> str:
    parts = [action.title, action.status.lower()]
    if action.due_on:
        parts.append(f"échéance le {action.due_on:%d/%m/%Y}")
    if not short and action.responsible:
        parts.append(f"responsable : {action.responsible}")
    return ", ".join(parts)


def _general_meeting_odt(writer: _Odt, report: Report) -> None:
    writer.heading(2, "La démarche")
    writer.paragraph(report.approach)
    writer.paragraph(report.law)
    writer.paragraph(
        f"En {report.year}, {report.organisation} a suivi {report.mode} du {report.framework}. "
        f"{_people(report.answered)} sur {report.invited} {_answered(report.answered)} ; l'équipe a ensuite "
        "consolidé les réponses en une position commune par question."
    )
    writer.bullets(_participation_lines(report))
    writer.heading(2, "Les thèmes travaillés")
    writer.bullets([theme.title for theme in report.themes])
    writer.heading(2, "Les résultats, tels que l'équipe les a consolidés")
    for theme in report.themes:
        writer.heading(3, theme.title)
        for domain in theme.domains:
            writer.heading(4, domain.title)
            writer.table(
                ["Question ou indicateur", "Niveau retenu", "Constat partagé"],
                [[item.text, item.level, item.comment] for item in domain.items],
            )
    writer.heading(2, "Objectifs et plan d'action")
    if not report.actions:
        writer.paragraph("Aucune action n'est encore inscrite au plan.")
    for theme in report.themes:
        if theme.actions:
            writer.heading(3, theme.title)
            writer.table(
                ["Action", "Objectif à un an", "Objectif à trois ans", "Responsable", "Échéance", "État", "Moyens"],
                [
                    [
                        action.title,
                        action.objective_1y,
                        action.objective_3y,
                        action.responsible,
                        f"{action.due_on:%d/%m/%Y}" if action.due_on else "",
                        action.status,
                        action.resources,
                    ]
                    for action in theme.actions
                ],
            )
    if report.previous_year:
        writer.heading(2, f"Le chemin parcouru depuis {report.previous_year}")
        if report.progress:
            writer.table(
                [
                    "Question",
                    f"Niveau retenu en {report.previous_year}",
                    f"Niveau retenu en {report.year}",
                    "Évolution",
                ],
                [[line.text, line.before, line.now, line.trend] for line in report.progress],
            )
        else:
            writer.paragraph("Aucune question n'a reçu de position les deux années.")
    writer.heading(2, "Place au débat")
    for question in report.debate:
        writer.heading(3, question)
        for _line in report.debate_lines:
            writer.paragraph("")


def _staff_note_odt(writer: _Odt, report: Report) -> None:
    writer.heading(2, "La démarche")
    writer.paragraph(report.approach)
    writer.paragraph(
        f"En {report.year}, {_people(report.answered)} {_answered(report.answered)} ; l'équipe a ensuite retenu "
        "une position commune par question."
    )
    writer.heading(2, "Les thèmes travaillés")
    writer.bullets([theme.title for theme in report.themes])
    writer.heading(2, "Les principaux constats")
    for theme in report.themes:
        writer.heading(3, theme.title)
        findings = theme.findings
        writer.bullets(
            [f"{item.text} : {item.level}" + (f". {item.comment}" if item.comment else "") for item in findings]
            if findings
            else ["Pas encore de position retenue sur ce thème."]
        )
    writer.heading(2, "Les actions prévues")
    if report.actions:
        writer.bullets([_action_text(action, short=True) for action in report.actions])
    else:
        writer.paragraph("Aucune action n'est encore inscrite au plan.")
