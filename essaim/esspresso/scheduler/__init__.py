"""The ESSpresso meeting scheduler (issue #11): a timetable of one-to-one meetings that
maximises the value of the requests placed, with an upper bound and the reason for each pair
left out. Pure Python, standard library only.

The `schedule_meetings` command reads and writes JSON:

    {"slots": ["s01", "s02", ...],                 in time order
     "tables": 40,                                  meetings per slot at most; null: no limit
     "participants": [{"id": "p1", "available": ["s01", "s03"], "max_meetings": 6}, ...],
                                                    "available" absent: every slot; "max_meetings" absent: no cap
     "requests": [{"from": "p1", "to": "p2", "weight": 2}, ...],     weight > 0, default 1
     "locked": [{"slot": "s01", "table": 3, "participants": ["p1", "p2"]}, ...],   optional, kept as they are
     "host_tables": {"p7": 1}}                      optional: a host keeps this table for all their meetings

A pair requested both ways is one meeting worth the sum of both weights. The output:

    {"meetings": [{"slot": "s01", "table": 1, "participants": ["p1", "p2"]}, ...],
     "value": 123.0, "upper_bound": 125.0,
     "unplaced": [{"participants": ["p3", "p9"], "reason": "..."}, ...]}
"""

from essaim.esspresso.scheduler.model import CAUSES, Instance, InstanceError, Person, Placed, Result, Unplaced, Wish
from essaim.esspresso.scheduler.parsing import parse_instance, result_as_json
from essaim.esspresso.scheduler.solve import meeting_count_bound, schedule, upper_bound

__all__ = [
    "CAUSES",
    "Instance",
    "InstanceError",
    "Person",
    "Placed",
    "Result",
    "Unplaced",
    "Wish",
    "meeting_count_bound",
    "parse_instance",
    "result_as_json",
    "schedule",
    "upper_bound",
]
