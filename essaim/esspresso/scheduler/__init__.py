"""The ESSpresso meeting scheduler (issue #11): a timetable of one-to-one meetings that
maximises the value of the requests placed, with an upper bound and the reason for each pair
left out. Pure Python, standard library only."""

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
