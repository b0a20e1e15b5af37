from essaim.catalog.views.alert_data import alert_data_download, alert_data_erase
from essaim.catalog.views.alerts import AlertForm, alert_confirm_view, alert_create, alert_unsubscribe_view
from essaim.catalog.views.public import (
    dashboard,
    export,
    home,
    offer_detail,
    offer_go,
    operator_detail,
    orientation_step,
    results,
    search,
    selection,
)
from essaim.catalog.views.suggestions import suggest_offer, suggestion_assign
from essaim.catalog.views.workspace import (
    moderation,
    my_offers,
    offer_create,
    offer_edit,
    offer_reviewed,
    offer_status,
    revision_decide,
)

__all__ = [
    "AlertForm",
    "alert_confirm_view",
    "alert_create",
    "alert_data_download",
    "alert_data_erase",
    "alert_unsubscribe_view",
    "dashboard",
    "export",
    "home",
    "moderation",
    "my_offers",
    "offer_create",
    "offer_detail",
    "offer_edit",
    "offer_go",
    "offer_reviewed",
    "offer_status",
    "operator_detail",
    "orientation_step",
    "results",
    "revision_decide",
    "search",
    "selection",
    "suggest_offer",
    "suggestion_assign",
]
