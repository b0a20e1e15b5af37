"""Small registries that let apps plug into shared commands without importing each other.

- `reference_loaders`: what `setup_reference` loads on an empty database (territories,
  taxonomies...). Every loader must be idempotent: running it twice changes nothing.
- `demo_loaders`: what `load_demo` adds on top for a demonstration.
- `home_figures`: the key figures on the home page.
- `platform_metrics`: figures the platform measures itself, which strategy indicators can follow.

Apps register from their AppConfig.ready(); `order` decides who runs first (referentials
before the modules that point to them).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

Loader = Callable[[Callable[[str], None]], None]


@dataclass(frozen=True)
class RegisteredLoader:
    name: str
    order: int
    func: Loader


class LoaderRegistry:
    def __init__(self) -> None:
        self._loaders: dict[str, RegisteredLoader] = {}
        self._summaries: list[Callable[[], str]] = []

    def register(self, name: str, *, order: int) -> Callable[[Loader], Loader]:
        """Decorator: `@reference_loaders.register("territories", order=10)`."""

        def decorator(func: Loader) -> Loader:
            self._loaders[name] = RegisteredLoader(name=name, order=order, func=func)
            return func

        return decorator

    def ordered(self) -> list[RegisteredLoader]:
        return sorted(self._loaders.values(), key=lambda loader: (loader.order, loader.name))

    def add_summary(self, func: Callable[[], str]) -> Callable[[], str]:
        """Decorator: a text printed after every run, loaded or not (e.g. the demo accounts)."""
        self._summaries.append(func)
        return func

    def summaries(self) -> list[str]:
        return [func() for func in self._summaries]


reference_loaders = LoaderRegistry()
demo_loaders = LoaderRegistry()


@dataclass(frozen=True)
class Figure:
    """A key figure on the home page: "214 structures dans l'annuaire"."""

    value: int
    label: str
    url: str = ""


FigureSource = Callable[[str], list[Figure]]


class FigureRegistry:
    """Apps register what they count for the home page; the home page reads the registry."""

    def __init__(self) -> None:
        self._sources: dict[str, tuple[int, FigureSource]] = {}

    def register(self, name: str, *, order: int) -> Callable[[FigureSource], FigureSource]:
        def decorator(func: FigureSource) -> FigureSource:
            self._sources[name] = (order, func)
            return func

        return decorator

    def collect(self, region_code: str) -> list[Figure]:
        figures: list[Figure] = []
        for _order, source in sorted(self._sources.values(), key=lambda item: item[0]):
            figures.extend(source(region_code))
        return figures


home_figures = FigureRegistry()


@dataclass(frozen=True)
class AccountLink:
    """A link a module adds to the account page ("Mes offres")."""

    label: str
    url_name: str


account_links: list[AccountLink] = []


MetricFunc = Callable[[str, date, date], int | float]


@dataclass(frozen=True)
class PlatformMetric:
    """A figure the platform measures by itself (published offers, orientations made...), that a
    strategy indicator can be fed from. `measure(region_code, start, end)` counts what happened
    in the region between the two dates (both included); a stock (offers published) is read at
    `end`."""

    key: str
    label: str
    unit: str
    measure: MetricFunc


class PlatformMetricRegistry:
    def __init__(self) -> None:
        self._metrics: dict[str, PlatformMetric] = {}

    def register(self, key: str, *, label: str, unit: str) -> Callable[[MetricFunc], MetricFunc]:
        def decorator(func: MetricFunc) -> MetricFunc:
            self._metrics[key] = PlatformMetric(key=key, label=label, unit=unit, measure=func)
            return func

        return decorator

    def __contains__(self, key: object) -> bool:
        return key in self._metrics

    def get(self, key: str) -> PlatformMetric:
        return self._metrics[key]

    def choices(self) -> list[tuple[str, str]]:
        return sorted(((metric.key, metric.label) for metric in self._metrics.values()), key=lambda item: item[1])


platform_metrics = PlatformMetricRegistry()
