"""(being written)"""

from django.http import Http404


def board(request, *args, **kwargs):
    raise Http404


export = route = board
