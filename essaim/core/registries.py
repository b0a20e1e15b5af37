"""Registries that let apps plug into the platform without `core` (or each other) importing them.

Every registry is a `Registry`: entries keyed by a name, read in `order` (then by name).
Apps register from their `AppConfig.ready()`, so a module not built yet simply does not appear.

- `modules`: the business modules in the header and on the home page.
- `account_links`: links a module adds to the account page ("Mes offres").
- `home_figures`: what each module counts for the home page's key figures.
- `reference_loaders`: what `setup_reference` loads on an empty database (territories,
  taxonomies...). Every loader must be idempotent: running it twice changes nothing.
- `demo_loaders` and `demo_summaries`: what `load_demo` adds for a demonstration, and the texts it
  prints after every run, loaded or not (e.g. the demo accounts).
- `platform_metrics`: figures the platform measures itself, which strategy indicators can follow.
- `landing_pages`: where a person lands after logging in, by role (the first that applies wins).
- `organisation_links`: what a module offers on a structure's page ("Ses 4 offres").
- `territory_sections`: what a module has in a territory (offers that cover it, events held
  there), for the observatory's pages and portraits.
- `personal_data`: what a module holds about a person, exported and erased on request
  (`core/personal_data.py`, the `personal_data_export` and `personal_data_erase` commands).
- `retention_policies`: what each module erases once its retention limit is past
  (`purge_personal_data`, daily).
- `vocabularies`, `offer_suggestions` and `request_contexts`: the catalogue's needs, stages and
  audiences, offers that answer a need, and what an offer a request starts from is, for modules
  that reference them by slug or id (support requests).

`order` decides who comes first: referentials (10-20) before the modules that point to them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class Registry(Generic[T]):
    """Named entries read in a stable order. Registering a name again replaces its entry, so an
    app's `ready()` may run twice (test runners, autoreload) without duplicating anything."""

    def __init__(self) -> None:
        self._entries: dict[str, tuple[int, T]] = {}

    def add(self, name: str, item: T, *, order: int) -> T:
        self._entries[name] = (order, item)
        return item

    def register(self, name: str, *, order: int) -> Callable[[T], T]:
        """Decorator form of `add`, for registries of functions: `@home_figures.register("x", order=10)`."""

        def decorator(item: T) -> T:
            return self.add(name, item, order=order)

        return decorator

    def items(self) -> list[tuple[str, T]]:
        """(name, entry) pairs by order, then name."""
        ranked = sorted(self._entries.items(), key=lambda pair: (pair[1][0], pair[0]))
        return [(name, item) for name, (_order, item) in ranked]

    def ordered(self) -> list[T]:
        return [item for _name, item in self.items()]

    def get(self, name: str) -> T:
        return self._entries[name][1]

    def __contains__(self, name: object) -> bool:
        return name in self._entries


@dataclass(frozen=True)
class Module:
    """A business module as the header and the home page present it."""

    label: str
    summary: str
    url_name: str  # its home page, "catalog:home"
    short_label: str = ""  # in the header, where space is short

    @property
    def namespace(self) -> str:
        """The URL namespace of the app that serves it: the header marks its pages as current."""
        return self.url_name.partition(":")[0]


modules: Registry[Module] = Registry()


@dataclass(frozen=True)
class AccountLink:
    """A link a module adds to the account page ("Mes offres"), shown to everyone, or only to
    those for whom `applies(user)` is true (the organisers of an event, say)."""

    label: str
    url_name: str
    applies: Callable[[Any], bool] | None = None

    def shown_to(self, user: Any) -> bool:
        return self.applies is None or self.applies(user)


account_links: Registry[AccountLink] = Registry()


@dataclass(frozen=True)
class Figure:
    """A key figure on the home page: "214 structures dans l'annuaire" (`label` is plural;
    `singular` is said for 0 or 1, as French does: "1 action réalisée")."""

    value: int
    label: str
    url: str = ""
    singular: str = ""

    @property
    def text(self) -> str:
        return self.singular if self.singular and self.value <= 1 else self.label


FigureSource = Callable[[str], list[Figure]]  # region code -> its figures
home_figures: Registry[FigureSource] = Registry()


def figures_for(region_code: str) -> list[Figure]:
    """Every registered module's figures for the région, module after module."""
    return [figure for source in home_figures.ordered() for figure in source(region_code)]


Loader = Callable[[Callable[[str], None]], None]  # receives the function that prints its progress
reference_loaders: Registry[Loader] = Registry()
demo_loaders: Registry[Loader] = Registry()
demo_summaries: Registry[Callable[[], str]] = Registry()  # an empty text prints nothing


MetricFunc = Callable[[str, date, date], int | float]


@dataclass(frozen=True)
class PlatformMetric:
    """A figure the platform measures by itself (published offers, orientations made...), that a
    strategy indicator can be fed from. `measure(region_code, start, end)` counts what happened
    in the region between the two dates (both included); a stock (offers published) is read at
    `end`."""

    label: str
    unit: str
    measure: MetricFunc


class PlatformMetricRegistry(Registry[PlatformMetric]):
    def choices(self) -> list[tuple[str, str]]:
        """(key, label) pairs sorted by label, for a form's select."""
        return sorted(((key, metric.label) for key, metric in self.items()), key=lambda pair: pair[1])


platform_metrics = PlatformMetricRegistry()


@dataclass(frozen=True)
class LandingPage:
    """A module's space for the people it serves: after logging in without a page to return to,
    a person lands on the first space (by `order`) whose `applies(user)` is true."""

    url_name: str
    applies: Callable[[object], bool]


landing_pages: Registry[LandingPage] = Registry()


def landing_url_name(user: object) -> str | None:
    """The URL name of this person's space, or None when no module claims them."""
    return next((page.url_name for page in landing_pages.ordered() if page.applies(user)), None)


@dataclass(frozen=True)
class Link:
    label: str
    url: str


# A structure's page asks each module for its links: organisation -> links (none when nothing).
organisation_links: Registry[Callable[[object], list[Link]]] = Registry()


def links_for_organisation(organisation: object) -> list[Link]:
    """Every registered module's links for this structure, module after module."""
    return [link for source in organisation_links.ordered() for link in source(organisation)]


@dataclass(frozen=True)
class TerritorySection:
    """What one module has in a territory: a title, the first links, how many there are in all
    and the sentence said when there are none."""

    title: str
    links: list[Link]
    total: int
    empty: str


# A territory's page asks each module: (level, commune codes inside it) -> its section, or None.
territory_sections: Registry[Callable[[str, str, list[str]], TerritorySection | None]] = Registry()


def sections_for_territory(level: str, code: str, communes: list[str]) -> list[TerritorySection]:
    """Every registered module's section for the territory (`communes`: the codes inside it)."""
    return [section for source in territory_sections.ordered() if (section := source(level, code, communes))]


@dataclass(frozen=True)
class PersonalDataHandler:
    """What one module holds about a person, found by e-mail address (and by account, `user`,
    None for someone without an account, such as an alert subscriber).

    `export(email, user)` returns a JSON-ready dict with French keys, empty when the module
    holds nothing. `erase(email, user)` deletes or anonymises it and returns French lines saying
    what it did and what the CRESS must still do by hand. Erasers run in the reverse of `order`,
    so the account itself (registered first) goes last."""

    label: str
    export: Callable[[str, Any], dict[str, Any]]
    erase: Callable[[str, Any], list[str]]


personal_data: Registry[PersonalDataHandler] = Registry()


# Retention limits (the privacy page's durations), applied every day by `purge_personal_data`:
# each module's purge receives the current time and returns French lines saying what it erased.
retention_policies: Registry[Callable[[Any], list[str]]] = Registry()


# Vocabularies a module owns and others read by slug ("needs", "stages", "audiences", owned by
# the catalogue): a function of `current_only` returning the (slug, label) pairs in order, obsolete
# terms left out when `current_only` (choices) and kept otherwise (labels of older records).
vocabularies: Registry[Callable[[bool], list[tuple[str, str]]]] = Registry()


def vocabulary(name: str, *, current_only: bool = True) -> list[tuple[str, str]]:
    """The (slug, label) pairs of a vocabulary; none when no module provides it."""
    return vocabularies.get(name)(current_only) if name in vocabularies else []


# Offers that answer a need, for a module that has no offers of its own (the apology of a request
# that stayed unanswered): a function of the answers (need, stage, audience, commune: slugs and an
# INSEE code, any may be empty) returning at most `limit` links, the best first.
offer_suggestions: Registry[Callable[..., list[Link]]] = Registry()


def suggested_offers(
    *, need: str, stage: str = "", audience: str = "", commune: str = "", limit: int = 3
) -> list[Link]:
    """The first registered source's suggestions (none when no catalogue is installed)."""
    sources = offer_suggestions.ordered()
    if not sources:
        return []
    return sources[0](need=need, stage=stage, audience=audience, commune=commune, limit=limit)


@dataclass(frozen=True)
class RequestContext:
    """What a module says about one of its objects a support request starts from (an offer):
    its name and page, the structure that runs it (the request goes to that structure's teams
    first when they handle it) and the needs it answers (to prefill the form)."""

    label: str
    url: str
    organisation_id: int | None = None
    needs: tuple[str, ...] = ()


# Where a support request may start from, by kind ("offre"): a function of an id returning its
# RequestContext, or None for an id that does not exist or is not public.
request_contexts: Registry[Callable[[int], RequestContext | None]] = Registry()


def request_context(kind: str, id: int) -> RequestContext | None:
    return request_contexts.get(kind)(id) if kind in request_contexts else None
