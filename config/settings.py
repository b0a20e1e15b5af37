"""Essaim settings: one file, driven by environment variables (see .env.example).

Defaults are safe for production (DEBUG off, secure cookies); `make run` and `make test`
set the few variables a developer needs. SQLite is used when DATABASE_URL is unset, so a fresh
clone runs with no database server.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name: str, default: str = "") -> str:
    """The variable's value; unset or empty means the default."""
    return os.environ.get(name) or default


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} doit valoir true ou false, pas {value!r}.")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if not value:
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} doit être un nombre entier, pas {value!r}.") from exc


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY est obligatoire quand DEBUG est désactivé. "
            "Générez-en une (python -c 'import secrets; print(secrets.token_urlsafe(50))') "
            "et placez-la dans l'environnement du service (voir .env.example)."
        )
    # Development only: a fixed key keeps sessions across restarts of `make run`.
    SECRET_KEY = "dev-only-insecure-key-never-use-in-production"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# The région the platform serves (INSEE code): 52 is Pays de la Loire, 24 Centre-Val de Loire.
ESSAIM_REGION = env_str("ESSAIM_REGION", "52")
SITE_NAME = env_str("SITE_NAME", "Essaim")

# Maps (includes/map.html, static/js/map.js) draw no basemap by default: they work offline and send
# no visitor's address to a tile server. A MapLibre style URL adds one (https://, or a path on the
# platform itself); the Content-Security-Policy then lets pages reach its origin (core/headers.py).
MAP_STYLE_URL = env_str("ESSAIM_MAP_STYLE_URL")
if MAP_STYLE_URL and not (
    MAP_STYLE_URL.startswith(("https://", "/")) or (DEBUG and MAP_STYLE_URL.startswith("http://"))
):
    raise ImproperlyConfigured(
        f"ESSAIM_MAP_STYLE_URL doit commencer par https:// (ou / pour un style servi par la plateforme), "
        f"pas {MAP_STYLE_URL!r}."
    )

# Who publishes the platform: shown in the footer, the legal notice, the privacy policy, e-mails and
# the metadata of exported documents. The defaults are placeholders for development only.
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# Addresses whose errors (400 for what a request carries) are answered as JSON: the API's.
JSON_ERROR_PATHS = ["/api/"]
CSRF_FAILURE_VIEW = "essaim.core.views.csrf_failure"
# In development (the demo) the publisher reads as a demonstration; in production it must be set.
PUBLISHER_NAME = env_str("PUBLISHER_NAME", "la CRESS (instance de démonstration)" if DEBUG else "CRESS (à renseigner)")
PUBLISHER_ADDRESS = env_str("PUBLISHER_ADDRESS")
PUBLICATION_DIRECTOR = env_str("PUBLICATION_DIRECTOR")
HOSTING_PROVIDER = env_str("HOSTING_PROVIDER")
CONTACT_EMAIL = env_str("CONTACT_EMAIL", "contact@example.org")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", f"{SITE_NAME} <ne-pas-repondre@example.org>")

# A value still holding one of these is a placeholder: the public must never read it.
PLACEHOLDER_MARKERS = ("à renseigner", "example.org", "example.com", "127.0.0.1", "localhost")
PUBLISHER_VARIABLES = {
    "SITE_URL": SITE_URL,
    "PUBLISHER_NAME": PUBLISHER_NAME,
    "PUBLISHER_ADDRESS": PUBLISHER_ADDRESS,
    "PUBLICATION_DIRECTOR": PUBLICATION_DIRECTOR,
    "HOSTING_PROVIDER": HOSTING_PROVIDER,
    "CONTACT_EMAIL": CONTACT_EMAIL,
    "DEFAULT_FROM_EMAIL": DEFAULT_FROM_EMAIL,
}
if not DEBUG:
    placeholders = [
        name
        for name, value in PUBLISHER_VARIABLES.items()
        if not value.strip() or any(marker in value.lower() for marker in PLACEHOLDER_MARKERS)
    ]
    if placeholders:
        raise ImproperlyConfigured(
            "L'identité de l'éditeur n'est pas renseignée : "
            + ", ".join(placeholders)
            + ". Ces valeurs apparaissent dans le pied de page, les mentions légales et les e-mails ; "
            "donnez les vraies dans l'environnement du service (voir .env.example) avant d'ouvrir la "
            "plateforme au public."
        )

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "essaim.core",
    "essaim.accounts",
    "essaim.territories",
    "essaim.organisations",
    "essaim.places",
    "essaim.catalog",
    "essaim.strategy",
    "essaim.esspresso",
    "essaim.referrals",
    "essaim.diagnostics",
    "essaim.observatory",
    "essaim.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Content-Security-Policy on every page, no caching of personal ones. Outside everything that
    # may refuse a request, so that error pages get them too; it reads request.user on the way out.
    "essaim.core.headers.ResponseHeadersMiddleware",
    # Before anything reads the request (the session, the views): NUL refused, control characters removed.
    "essaim.core.middleware.CleanInputMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "essaim" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "essaim.core.context_processors.platform",
                "essaim.territories.context_processors.region",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the task worker write while the web process reads; a busy timeout avoids
    # "database is locked" when both write at once.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # django-axes first: it refuses a login once the address or account is locked out.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Flash messages live in the session: no extra cookie beyond the two the privacy page lists.
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "core:home"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24  # one day, in seconds

# Failed logins: after AXES_FAILURE_LIMIT failures for one e-mail from one address, the pair is
# locked out for AXES_COOLOFF_TIME hours.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_HOURS", 1)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "username"
# Every spelling of an address (`Membre@x`, ` membre@x `) counts towards the same lock-out.
AXES_USERNAME_CALLABLE = "essaim.accounts.lockout.lockout_username"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/lockout.html"
# The address counted is the visitor's, read behind PROXY_COUNT proxies (see below).
AXES_CLIENT_IP_CALLABLE = "essaim.core.client_address.client_address"
AXES_VERBOSE = False
# Keep only failed attempts (needed for the lock-out), not a log of every successful login.
AXES_DISABLE_ACCESS_LOG = True
# Retention limits promised on the privacy page, applied by `purge_personal_data` (daily).
FAILED_LOGIN_RETENTION_DAYS = 1
INACTIVE_ACCOUNT_RETENTION_DAYS = 3 * 365

LANGUAGE_CODE = "fr-fr"
# The interface is French only: a browser asking for English must not get English dates.
LANGUAGES = [("fr", "Français")]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
# Production serves hashed, compressed files gathered by `collectstatic`; development and
# tests serve them straight from the source folders.
STATIC_MANIFEST = env_bool("STATIC_MANIFEST", not DEBUG)
WHITENOISE_USE_FINDERS = not STATIC_MANIFEST
WHITENOISE_AUTOREFRESH = not STATIC_MANIFEST
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if STATIC_MANIFEST
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_URL = "media/"

# Uploaded files (CSV imports): refuse anything larger than this many megabytes.
MAX_UPLOAD_MB = env_int("MAX_UPLOAD_MB", 10)
DATA_UPLOAD_MAX_MEMORY_SIZE = MAX_UPLOAD_MB * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

# E-mail: printed on the console unless an SMTP host is given.
EMAIL_HOST = env_str("EMAIL_HOST")
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend" if EMAIL_HOST else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background tasks: a queue kept in the database by default (no extra server); set
# TASKS_REDIS_URL to use Redis through RQ instead.
TASKS_REDIS_URL = env_str("TASKS_REDIS_URL")
if TASKS_REDIS_URL:
    INSTALLED_APPS += ["django_rq"]
    RQ_QUEUES = {"default": {"URL": TASKS_REDIS_URL}}
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
else:
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
if env_bool("TASKS_IMMEDIATE", False):
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# Cache: shared by every process of the platform, because the public forms' rate limits are
# counted in it (a per-process memory cache would multiply each limit by the number of workers).
# Redis when CACHE_REDIS_URL (or else TASKS_REDIS_URL) is set; otherwise a table of the database,
# created by the `core` migration `create_cache_table`, so no extra server is needed.
CACHE_REDIS_URL = env_str("CACHE_REDIS_URL", TASKS_REDIS_URL)
CACHE_TABLE = "essaim_cache"
# Public forms (alert subscription, offer suggestion, password reset): at most RATE_LIMIT_PER_IP
# submissions of one form from one client address, and RATE_LIMIT_PER_ADDRESS for one e-mail
# address, within RATE_LIMIT_WINDOW_MINUTES (see essaim/core/ratelimit.py).
RATE_LIMIT_PER_IP = env_int("RATE_LIMIT_PER_IP", 5)
RATE_LIMIT_PER_ADDRESS = env_int("RATE_LIMIT_PER_ADDRESS", 3)
RATE_LIMIT_WINDOW_MINUTES = env_int("RATE_LIMIT_WINDOW_MINUTES", 60)
if CACHE_REDIS_URL:
    _cache = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_REDIS_URL}
else:
    _cache = {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": CACHE_TABLE}
CACHES = {
    "default": {**_cache, "KEY_PREFIX": "essaim"},
    # The counters' own alias: its default lifetime is the window, which a database cache gives
    # back to a counter at each increment (the window then runs from the last submission).
    "ratelimit": {
        **_cache,
        "KEY_PREFIX": "essaim-ratelimit",
        "TIMEOUT": RATE_LIMIT_WINDOW_MINUTES * 60,
        "OPTIONS": {"MAX_ENTRIES": 100_000} if not CACHE_REDIS_URL else {},
    },
}
# A confirmation e-mail of an alert goes to one address at most once within this many hours.
ALERT_CONFIRMATION_DELAY_HOURS = env_int("ALERT_CONFIRMATION_DELAY_HOURS", 24)

# Security: HTTPS-only cookies, redirect and HSTS, unless HTTPS=false (development, tests).
HTTPS = env_bool("HTTPS", not DEBUG)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 60 * 60 * 24 * 14  # two weeks, in seconds
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", HTTPS)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
# Preload is only a header until the domain is submitted to the browsers' list.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", HTTPS)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Behind a reverse proxy (nginx, Caddy) that terminates TLS: BEHIND_HTTPS_PROXY trusts its
# X-Forwarded-Proto, and PROXY_COUNT says how many proxies stand in front of the platform, so that
# the visitor's address is read from X-Forwarded-For (`core/client_address.py`). The two go
# together: a proxy without PROXY_COUNT gives every visitor the proxy's address (five wrong
# passwords from anyone lock a real user out), PROXY_COUNT without a proxy lets a visitor choose
# the address the lock-out counts.
BEHIND_HTTPS_PROXY = env_bool("BEHIND_HTTPS_PROXY", False)
PROXY_COUNT = env_int("PROXY_COUNT", 0)
if PROXY_COUNT < 0:
    raise ImproperlyConfigured(f"PROXY_COUNT doit être un nombre positif ou nul, pas {PROXY_COUNT}.")
if PROXY_COUNT and not BEHIND_HTTPS_PROXY:
    raise ImproperlyConfigured(
        f"PROXY_COUNT vaut {PROXY_COUNT} mais BEHIND_HTTPS_PROXY n'est pas activé. Sans proxy inverse, "
        "l'en-tête X-Forwarded-For vient du visiteur, qui choisirait l'adresse comptée par le blocage "
        "des connexions. Derrière un proxy, donnez BEHIND_HTTPS_PROXY=true ; sinon, PROXY_COUNT=0."
    )
if BEHIND_HTTPS_PROXY and not PROXY_COUNT:
    raise ImproperlyConfigured(
        "BEHIND_HTTPS_PROXY est activé mais PROXY_COUNT vaut 0 : tous les visiteurs auraient l'adresse "
        "du proxy, et cinq mauvais mots de passe de n'importe qui bloqueraient un compte pour tout le "
        "monde. Donnez le nombre de proxys inverses devant la plateforme (PROXY_COUNT=1 pour un seul "
        "nginx ou Caddy)."
    )
if BEHIND_HTTPS_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # WeasyPrint and fontTools narrate every step of a PDF at INFO.
        "weasyprint": {"level": "WARNING"},
        "weasyprint.progress": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
