from django.core.management.base import CommandParser
from django.utils import timezone
from django.utils.translation import ngettext

from essaim.catalog.freshness import review_reminders_send
from essaim.core.scheduled import ScheduledCommand


class Command(ScheduledCommand):
    help = (
        "Écrit aux éditeurs de chaque opérateur la liste de ses offres dont la période de relecture est "
        "échue, et liste les offres sans éditeur à relancer par la CRESS. À lancer chaque semaine."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="lister sans envoyer")

    def run(self, **options: object) -> None:
        report = self.attempt(
            "relances de relecture",
            lambda: review_reminders_send(today=timezone.localdate(), dry_run=bool(options["dry_run"])),
        )
        if report is None:
            return
        if options["dry_run"]:
            verb = ngettext("serait envoyé", "seraient envoyés", report.emails)
        else:
            verb = ngettext("envoyé", "envoyés", report.emails)
        offers = ngettext("%(n)d offre à revoir", "%(n)d offres à revoir", report.offers) % {"n": report.offers}
        emails = ngettext("%(n)d e-mail", "%(n)d e-mails", report.emails) % {"n": report.emails}
        self.stdout.write(f"{offers} ; {emails} {verb}.")
        if report.without_editor:
            self.stdout.write("Offres dont l'opérateur n'a pas d'éditeur (à relancer par la CRESS) :")
            for offer in report.without_editor:
                self.stdout.write(
                    f"  - {offer.title} ({offer.operator.name}), à revoir depuis le {offer.review_due_on:%d/%m/%Y}"
                )
