from django.urls import path

from essaim.observatory import views

app_name = "observatory"

urlpatterns = [
    path("", views.home, name="home"),
    path("<slug:level>/<str:code>/", views.territory, name="territory"),
    path("<slug:level>/<str:code>/portrait.pdf", views.portrait, name="portrait"),
]
