"""(being written)"""

from django.http import Http404


def home(request, *args, **kwargs):
    raise Http404


campaign_new = campaign = invite = results = consolidate = plan = action_edit = close = home
