"""(being written)"""

from django.http import Http404


def team_list(request, *args, **kwargs):
    raise Http404


team_edit = settings_edit = team_list
