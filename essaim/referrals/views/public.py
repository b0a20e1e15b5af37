"""(being written)"""

from django.http import Http404
from django.views.generic import View


class RequestFormView(View):
    def get(self, request, *args, **kwargs):
        raise Http404


def follow(request, token):
    raise Http404


withdraw = delete = rate = follow
