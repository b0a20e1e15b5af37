import re

from django import forms

from essaim.core.widgets import QuickSelect

CHOICES = [("", "Tous"), ("a", "Aide & <conseil>"), ("b", "Bourse")]


class Form(forms.Form):
    choice = forms.ChoiceField(choices=CHOICES, required=False, widget=QuickSelect)


def squeeze(html: str) -> str:
    return re.sub(r">\s+<", "><", html.strip())


def test_quick_select_renders_the_same_markup_as_django_select():
    attrs = {"aria-describedby": "id_choice_helptext", "aria-invalid": "true"}
    quick = Form(data={"choice": "b"})["choice"].as_widget(attrs=attrs)
    django_select = Form(data={"choice": "b"})["choice"].as_widget(widget=forms.Select(choices=CHOICES), attrs=attrs)
    assert squeeze(quick) == squeeze(django_select)
    assert "Aide &amp; &lt;conseil&gt;" in quick
