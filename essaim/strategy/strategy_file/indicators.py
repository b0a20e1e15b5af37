"""Reading the indicators of a strategy file, with their baseline, targets and known values."""

from __future__ import annotations

from datetime import date

from essaim.strategy.strategy_file.reader import Reader, unique_code
from essaim.strategy.strategy_file.spec import IndicatorSpec, StrategySpec, ValueSpec
from essaim.strategy.strategy_file.yaml_lines import LineDict
from essaim.strategy.vocabulary import INDICATOR_KIND

INDICATOR_KEYS = (
    "code",
    "name",
    "kind",
    "unit",
    "decimals",
    "definition",
    "node",
    "actions",
    "leads",
    "baseline",
    "targets",
    "source",
    "platform_metric",
    "public",
    "values",
)


def read_indicators(reader: Reader, root: LineDict, spec: StrategySpec) -> None:
    seen: dict[str, int] = {}
    for item in reader.items(root, "indicators"):
        block = reader.mapping(item, reader.line_of(root, "indicators"), "Un indicateur")
        if block is None:
            continue
        reader.keys(block, INDICATOR_KEYS, "un indicateur")
        unit = reader.text(block, "unit", required=True, max_length=30)
        decimals = reader.number(block, "decimals")
        indicator = IndicatorSpec(
            code=unique_code(reader, block, seen, "indicateur"),
            name=reader.text(block, "name", required=True, max_length=250),
            kind=reader.choice(block, "kind", INDICATOR_KIND.values),
            unit=unit,
            line=block.line,
            decimals=int(decimals) if decimals is not None else 0,
            definition=reader.text(block, "definition"),
            node=reader.text(block, "node"),
            actions=reader.texts(block, "actions"),
            leads=reader.people(block, "leads"),
            source=reader.text(block, "source", max_length=250),
            platform_metric=reader.text(block, "platform_metric"),
            public=reader.boolean(block, "public", True),
        )
        if not indicator.kind and "kind" not in block:
            reader.error(block.line, f"donnez la nature de l'indicateur (kind : {', '.join(INDICATOR_KIND.values)}).")
        if "baseline" in block:
            baseline = reader.mapping(block["baseline"], reader.line_of(block, "baseline"), "« baseline »")
            if baseline is not None:
                reader.keys(baseline, ("value", "on"), "« baseline »")
                indicator.baseline_value = reader.number(baseline, "value", unit, required=True)
                indicator.baseline_on = reader.day(baseline, "on")
        dates: set[date] = set()
        for entry in reader.items(block, "targets"):
            target = reader.mapping(entry, reader.line_of(block, "targets"), "Une cible")
            if target is None:
                continue
            reader.keys(target, ("value", "on"), "une cible")
            on, value = reader.day(target, "on", required=True), reader.number(target, "value", unit, required=True)
            if on in dates:
                reader.error(target.line, f"deux cibles à la même date ({on}).")
            if on and value is not None:
                dates.add(on)
                indicator.targets.append((on, value))
        for entry in reader.items(block, "values"):
            measure = reader.mapping(entry, reader.line_of(block, "values"), "Une valeur")
            if measure is None:
                continue
            reader.keys(measure, ("on", "value", "vintage", "source", "comment"), "une valeur")
            on, value = reader.day(measure, "on", required=True), reader.number(measure, "value", unit, required=True)
            source = reader.text(measure, "source") or indicator.source
            if not source:
                reader.error(measure.line, "chaque valeur a une source (ici ou dans l'indicateur).")
            if on and value is not None:
                vintage = reader.text(measure, "vintage") or str(on.year)
                indicator.values.append(ValueSpec(on, value, vintage, source, reader.text(measure, "comment")))
        spec.indicators.append(indicator)
