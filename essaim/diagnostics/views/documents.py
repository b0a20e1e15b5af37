"""(being written)"""

from django.http import Http404


def general_meeting(request, *args, **kwargs):
    raise Http404


general_meeting_file = staff_note = staff_note_file = export = general_meeting
