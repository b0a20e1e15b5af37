"""What every request's input goes through before any view of any module reads it."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.core.exceptions import BadRequest, RequestDataTooBig, TooManyFieldsSent
from django.http import HttpRequest, HttpResponse, QueryDict

from essaim.core.text import CONTROL_CHARACTERS, without_control_characters


class InputRefused(BadRequest):
    """A request refused for what it carries; `parameter` names the query or form field, if any."""

    def __init__(self, message: str, *, parameter: str = "") -> None:
        super().__init__(message)
        self.parameter = parameter


class CleanInputMiddleware:
    """Refuse a NUL anywhere a user can put one (400), and remove the other control characters
    from every value a user types.

    A NUL has no meaning in any text, PostgreSQL refuses it in a string (the view would answer
    500) and SQLite stores it; so the path, the query string, the cookies, the form fields and
    the uploaded files' names are checked once, here, for every module. The other control
    characters come from a word processor's paste (a vertical tab for a line break): they are
    removed from query and form values before any form reads them, so nothing stored carries them
    and no export breaks on them.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # InputRefused (a BadRequest) is rendered by the project's handler400: the French error
        # page, or JSON under JSON_ERROR_PATHS.
        if "\x00" in request.path:
            raise InputRefused("L'adresse contient un caractère nul.")
        if _has_nul(request.COOKIES.items()):
            raise InputRefused("Un cookie contient un caractère nul.")
        request.GET = _cleaned(_parsed(request, "GET"))  # type: ignore[assignment]  # made immutable as Django's
        if request.method == "POST":
            # Reading the form here parses it once for the whole request, as the CSRF check does.
            request.POST = _cleaned(_parsed(request, "POST"))  # type: ignore[assignment]
            if any("\x00" in (upload.name or "") for _, uploads in request.FILES.lists() for upload in uploads):
                raise InputRefused("Le nom d'un fichier envoyé contient un caractère nul.")
        return self.get_response(request)


def _parsed(request: HttpRequest, name: str) -> QueryDict:
    """request.GET or request.POST; past Django's limits (fields, size), a 400 with a French
    message. Left empty first: the error page (Django's own, with DEBUG) reads it again."""
    try:
        return getattr(request, name)  # type: ignore[no-any-return]
    except (TooManyFieldsSent, RequestDataTooBig):
        setattr(request, name, QueryDict())
        if name == "GET":
            raise InputRefused("L'adresse porte trop de paramètres.") from None
        raise InputRefused("Le formulaire envoyé est trop volumineux ou a trop de champs.") from None


def _has_nul(pairs: Iterable[tuple[str, str]]) -> bool:
    return any("\x00" in key or "\x00" in value for key, value in pairs)


def _cleaned(data: QueryDict) -> QueryDict:
    """The same values without control characters; NUL, in a key or a value, is refused with a
    message that names the parameter (the API answers it as is)."""
    for key, values in data.lists():
        if "\x00" in key:
            raise InputRefused("Un nom de paramètre contient un caractère nul.")
        if any("\x00" in value for value in values):
            raise InputRefused(f"Le paramètre {key} contient un caractère nul.", parameter=key)
    if not any(CONTROL_CHARACTERS.search(value) for _, values in data.lists() for value in values):
        return data
    cleaned = QueryDict(mutable=True, encoding=data.encoding)
    for key, values in data.lists():
        cleaned.setlist(key, [without_control_characters(value) for value in values])
    cleaned._mutable = False  # as Django hands it to views
    return cleaned
