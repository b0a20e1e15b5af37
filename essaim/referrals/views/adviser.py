"""(being written)"""

from django.http import Http404


def inbox(request, *args, **kwargs):
    raise Http404


detail = take = decline = close = inbox
