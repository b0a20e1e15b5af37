"""What an import found and did, said in French that agrees with the noun. Pure: no Django import."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Outcome = Literal["created", "updated", "unchanged"]
OUTCOMES: tuple[Outcome, ...] = ("created", "updated", "unchanged")

# The past participle of each outcome, masculine singular; agreement adds -e and -s.
_PARTICIPLES: dict[Outcome, tuple[str, str]] = {
    "created": ("créé", ""),
    "updated": ("mis", " à jour"),
    "unchanged": ("inchangé", ""),
}


@dataclass(frozen=True)
class RowError:
    """A problem found in the file, with the line where it is (0 when it concerns the whole file)."""

    line: int
    message: str

    def __str__(self) -> str:
        return f"ligne {self.line} : {self.message}" if self.line else self.message


@dataclass(frozen=True)
class Noun:
    """What an import counts, with what French agreement needs: `Noun("offre", "offres", feminine=True)`."""

    singular: str
    plural: str
    feminine: bool = False

    def counted(self, count: int) -> str:
        """`1 offre`, `2 offres`, `aucune offre`."""
        if count == 0:
            return f"{self.none} {self.singular}"
        return f"{count} {self.singular if count == 1 else self.plural}"

    @property
    def none(self) -> str:
        return "aucune" if self.feminine else "aucun"

    def participle(self, outcome: Outcome, count: int) -> str:
        """The participle of the outcome agreed with this noun: `créées`, `mis à jour`, `inchangée`."""
        stem, rest = _PARTICIPLES[outcome]
        word = stem + ("e" if self.feminine else "")
        if count > 1 and not word.endswith("s"):
            word += "s"
        return word + rest


LINE = Noun("ligne", "lignes", feminine=True)


@dataclass
class Tally:
    """How many things of one noun an import created, updated and left as they were."""

    noun: Noun
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged

    def phrase(self, *, dry_run: bool, outcomes: tuple[Outcome, ...] = OUTCOMES, say_zeros: bool = True) -> str:
        """`1 offre a été créée, 2 offres ont été mises à jour, aucune inchangée`: the noun is said
        at its first count, zeros (when said) without it after that."""
        parts: list[str] = []
        for outcome in outcomes:
            count: int = getattr(self, outcome)
            if count == 0 and not say_zeros:
                continue
            participle = self.noun.participle(outcome, count)
            if count == 0:
                parts.append(f"{self.noun.counted(0) if not parts else self.noun.none} {participle}")
            else:
                parts.append(f"{self.noun.counted(count)} {_verb(outcome, count, dry_run)} {participle}")
        return ", ".join(parts)


def _verb(outcome: Outcome, count: int, dry_run: bool) -> str:
    plural = count > 1
    if outcome == "unchanged":
        if dry_run:
            return "resteraient" if plural else "resterait"
        return "sont" if plural else "est"
    if dry_run:
        return "seraient" if plural else "serait"
    return "ont été" if plural else "a été"


class ImportReport:
    """The outcome of an import: errors with their lines, or counts by noun, and notes for the reader.

    Most imports count one noun (`ImportReport(OFFER)`): `created`, `updated` and `unchanged` are
    its counts. An import that writes several kinds of things names them all, in the order the
    summary gives them, and says which outcomes it can tell apart.
    """

    def __init__(
        self,
        *nouns: Noun,
        dry_run: bool = False,
        outcomes: tuple[Outcome, ...] = OUTCOMES,
        lines_read: int | None = None,
    ) -> None:
        if not nouns:
            raise TypeError("ImportReport needs the noun of what it counts.")
        self.tallies = {noun: Tally(noun) for noun in nouns}
        self.dry_run = dry_run
        self.outcomes = outcomes
        self.errors: list[RowError] = []
        self.notes: list[str] = []  # said before the summary (what the file left alone...)
        self.lines_read = lines_read  # data lines of a table file, said before the summary

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def main(self) -> Tally:
        return next(iter(self.tallies.values()))

    @property
    def created(self) -> int:
        return self.main.created

    @property
    def updated(self) -> int:
        return self.main.updated

    @property
    def unchanged(self) -> int:
        return self.main.unchanged

    def count(self, outcome: Outcome, noun: Noun | None = None) -> None:
        tally = self.tallies[noun] if noun else self.main
        setattr(tally, outcome, getattr(tally, outcome) + 1)

    def error(self, line: int, message: str) -> None:
        self.errors.append(RowError(line, message))

    def summary(self) -> str:
        """The counts in a sentence. With one noun every outcome is said, zeros included; with
        several, only what happened (a noun with nothing is left out)."""
        if len(self.tallies) == 1:
            sentence = self.main.phrase(dry_run=self.dry_run, outcomes=self.outcomes)
        else:
            phrases = [
                tally.phrase(dry_run=self.dry_run, outcomes=self.outcomes, say_zeros=False)
                for tally in self.tallies.values()
                if tally.total
            ]
            sentence = " ; ".join(phrases) or "rien à enregistrer"
        return sentence[0].upper() + sentence[1:] + "."

    def heading(self) -> str:
        """What the command prints first: `12 lignes lues.` when the file had lines."""
        if self.lines_read is None:
            return ""
        read = f"{LINE.counted(self.lines_read)} {'lues' if self.lines_read > 1 else 'lue'}. "
        return read[0].upper() + read[1:]
