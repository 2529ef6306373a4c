"""Marsad settings, read from the environment with development defaults that work out of the box."""
import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default):
    """Return the boolean value of environment variable `name`."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default):
    """Return the comma-separated environment variable `name` as a list."""
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


DEVELOPMENT_SECRET_KEY = "django-insecure-marsad-development-key-do-not-use-in-production"
# Off unless asked for: the development commands (Makefile, pytest.ini) turn it on explicitly, so a server
# started any other way never shows the debug page, with its settings and environment, to the public.
DEBUG = env_bool("DJANGO_DEBUG", False)
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", DEVELOPMENT_SECRET_KEY)
if not DEBUG and SECRET_KEY == DEVELOPMENT_SECRET_KEY:
    raise ImproperlyConfigured(
        "Set DJANGO_SECRET_KEY: the development key is refused when DJANGO_DEBUG is off "
        "(on a development machine, set DJANGO_DEBUG=true instead, as the Makefile does)."
    )

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.gis",
    "django.contrib.postgres",
    "django.forms",
    "rest_framework",
    "rest_framework.authtoken",
    "rest_framework_gis",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    "leaflet",
    "simple_history",
    "axes",
    "incidents",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # After WhiteNoise, which serves static files compressed ahead of time; before every middleware that reads
    # or changes a response body. It compresses the API only (see ApiGZipMiddleware).
    "tracker.middleware.ApiGZipMiddleware",
    # Before CommonMiddleware, so that its redirects carry the CORS headers too.
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "tracker.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Widgets render through TEMPLATES too, so that templates/leaflet/ overrides django-leaflet's map widget.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

WSGI_APPLICATION = "tracker.wsgi.application"

DEFAULT_DATABASE_URL = "postgis://marsad:marsad@127.0.0.1:{port}/marsad".format(
    port=os.environ.get("MARSAD_PG_PORT", "54329")
)
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", DEFAULT_DATABASE_URL),
        # Connections come from the pool below and go back to it at the end of each request.
        conn_max_age=0,
        conn_health_checks=True,
    )
}
# GeoDjango needs the PostGIS backend whatever scheme the URL used.
DATABASES["default"]["ENGINE"] = "django.contrib.gis.db.backends.postgis"
# One pool of connections per process, shared by its threads: the development server's thread per request
# and gunicorn's workers each hold at most DJANGO_DB_POOL_MAX connections, so that workers × that maximum
# stays well under PostgreSQL's max_connections (100 by default). A request that finds the pool empty
# waits DJANGO_DB_POOL_TIMEOUT seconds at most, then fails rather than hangs: a 503 (tracker/errors.py), which
# is also what every request gets, that quickly, while the database is down.
DATABASE_OPTIONS = DATABASES["default"].setdefault("OPTIONS", {})
DATABASE_OPTIONS["pool"] = {
    "min_size": int(os.environ.get("DJANGO_DB_POOL_MIN", "2")),
    "max_size": int(os.environ.get("DJANGO_DB_POOL_MAX", "10")),
    "timeout": float(os.environ.get("DJANGO_DB_POOL_TIMEOUT", "3")),
}
DATABASE_OPTIONS["connect_timeout"] = int(os.environ.get("DJANGO_DB_CONNECT_TIMEOUT", "5"))
# PostgreSQL cancels any statement running longer than this (0: no limit). manage.py lifts it for the
# commands an operator runs (migrate, load_reference, import_article…) unless the variable is set.
DB_STATEMENT_TIMEOUT_MS = round(1000 * float(os.environ.get("DJANGO_DB_STATEMENT_TIMEOUT", "30")))
# Memory per sort, hash or bitmap of a statement. PostgreSQL's default (4MB) makes the bitmap of a common
# search word (q=base: a fifth of a million incidents) lossy, so each of its pages is read and rechecked
# whole: 455 ms against 300 ms at 32MB for the timeline.
DB_WORK_MEM = os.environ.get("DJANGO_DB_WORK_MEM", "32MB")
DATABASE_OPTIONS["options"] = " ".join(
    filter(
        None,
        [
            DATABASE_OPTIONS.get("options"),
            f"-c statement_timeout={DB_STATEMENT_TIMEOUT_MS}",
            f"-c work_mem={DB_WORK_MEM}" if DB_WORK_MEM else "",
        ],
    )
)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# django-axes first: it refuses a locked-out client before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Sign-in throttling (django-axes): after MARSAD_LOGIN_FAILURE_LIMIT failed sign-ins for one username (from any
# address) or from one address (for any usernames), sign-in is refused for MARSAD_LOGIN_COOLOFF_MINUTES, the
# right password included. Locking by username alone stops guessing spread over many addresses, at the price
# that anyone can pause an editor's sign-in for the cool-off; locking by address stops one client trying many
# usernames. Attempts refused during a lockout are not recorded: they neither extend it nor grow the table.
AXES_FAILURE_LIMIT = int(os.environ.get("MARSAD_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("MARSAD_LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username"], ["ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_CALLABLE = "incidents.login_throttle.lockout_response"
AXES_CLIENT_IP_CALLABLE = "incidents.login_throttle.client_ip_address"
# Reverse proxies in front of the app that append the client's address to X-Forwarded-For (0: none, the socket's
# address is the client's).
MARSAD_PROXY_COUNT = int(os.environ.get("MARSAD_PROXY_COUNT", "0"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("ar", _("Arabic"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("DJANGO_TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

# Extracting one article may take this many seconds (MARSAD_IMPORT_TIME_LIMIT) before the import ends
# with a message and nothing saved: a 1,000-word article takes about 0.1 s.
MARSAD_IMPORT_TIME_LIMIT = float(os.environ.get("MARSAD_IMPORT_TIME_LIMIT", "10"))

# The import page refuses article text over 512 kB with a form error (intake.MAX_BYTES); Django's own
# limit on a request's form fields sits well above it, so such a paste gets that message, not a 400.
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
# The manifest storage whatever DEBUG says, so collectstatic always writes the manifest a server with DEBUG
# off needs; under DEBUG it hands out the unhashed names, which the development server finds.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Production is HTTPS only, by default: with DEBUG off, plain HTTP is redirected, browsers are told to use
# HTTPS for a year (HSTS) and cookies travel over HTTPS only (`manage.py check --deploy` passes). A local
# run over http:// (docker-compose.yml) turns these off explicitly. Behind a proxy that terminates TLS,
# DJANGO_SECURE_PROXY_SSL_HEADER=true trusts its X-Forwarded-Proto: set it only when the proxy overwrites
# that header, or any client could claim HTTPS.
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", 0 if DEBUG else 365 * 24 * 3600))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", not DEBUG)
if env_bool("DJANGO_SECURE_PROXY_SSL_HEADER", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# The API's addresses: CORS and gzip apply to these only.
API_URLS_REGEX = r"^/api/"


def api_rate(name, default):
    """Return the request rate in environment variable `name` ("120/minute"), or None when it is "off"."""
    value = os.environ.get(name, default).strip()
    return None if value.lower() == "off" else value


REST_FRAMEWORK = {
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
    # The API's version is in its URL. drf-spectacular also reads /api/schema/?version=, and puts it in the
    # Content-Disposition header's file name: only these values are taken (a line break there was a 500).
    "ALLOWED_VERSIONS": ["v1"],
    # A token (issued and revoked in the admin) first: a request without credentials then gets a 401 that
    # names the scheme (WWW-Authenticate: Token) rather than a bare 403.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.LimitOffsetPagination",
    "PAGE_SIZE": 100,
    "DEFAULT_SCHEMA_CLASS": "incidents.api.schema.AutoSchema",
    "EXCEPTION_HANDLER": "incidents.api.exceptions.exception_handler",
    # Requests per client: anonymous clients by address, signed-in users and tokens by user; a client over
    # its rate gets a 429 with Retry-After. The counts live in the default cache, which is per process unless
    # CACHES names a shared one (README, "API").
    "DEFAULT_THROTTLE_CLASSES": [
        "incidents.api.throttling.AnonRateThrottle",
        "incidents.api.throttling.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": api_rate("MARSAD_API_ANON_RATE", "300/minute"),
        "user": api_rate("MARSAD_API_USER_RATE", "1200/minute"),
    },
}

# Any web page may read the API (GET, HEAD and the OPTIONS of a preflight), without cookies: the data is
# public. Writes are not allowed across origins: a browser's preflight for them is refused.
CORS_URLS_REGEX = API_URLS_REGEX
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_CREDENTIALS = False
CORS_EXPOSE_HEADERS = ["Content-Disposition", "Retry-After"]

SPECTACULAR_SETTINGS = {
    "TITLE": "Marsad API",
    "DESCRIPTION": "Conflict incidents, actors, locations, statements and sources in Iraq and Syria.",
    "VERSION": "1.0.0",
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Three models have a `kind` with its own choices: each gets its own named enum in the schema.
    "ENUM_NAME_OVERRIDES": {
        "ActorKindEnum": "incidents.models.ActorKind",
        "LocationKindEnum": "incidents.models.LocationKind",
        "StatementKindEnum": "incidents.models.StatementKind",
        # GeoJSON's "type" members (incident features, the grid's cells): one name per value.
        "GeoJsonPointTypeEnum": ["Point"],
        "GeoJsonFeatureTypeEnum": ["Feature"],
        "GeoJsonFeatureCollectionTypeEnum": ["FeatureCollection"],
    },
}

# Timeline, summary, grid and tiles: browsers and proxies may keep a response MARSAD_AGGREGATE_MAX_AGE seconds
# (Cache-Control: public) and then revalidate it by its ETag; the server caches each computed response for
# MARSAD_AGGREGATE_CACHE_SECONDS in Django's cache, keyed on the data version, so no write is ever hidden.
MARSAD_AGGREGATE_MAX_AGE = int(os.environ.get("MARSAD_AGGREGATE_MAX_AGE", "60"))
MARSAD_AGGREGATE_CACHE_SECONDS = int(os.environ.get("MARSAD_AGGREGATE_CACHE_SECONDS", "600"))

# A CSV export is one statement that runs while the client downloads the file (incidents/api/csv.py): it may
# take MARSAD_EXPORT_TIMEOUT seconds (default 600) rather than the statement timeout of every other query.
MARSAD_EXPORT_TIMEOUT = float(os.environ.get("MARSAD_EXPORT_TIMEOUT", "600"))
# ...and may sort and join in MARSAD_EXPORT_WORK_MEM of PostgreSQL's memory (a PostgreSQL size) before spilling to disk.
MARSAD_EXPORT_WORK_MEM = os.environ.get("MARSAD_EXPORT_WORK_MEM", "256MB")

# The map covers Iraq, Syria and their borders; tiles come from OpenStreetMap in the browser.
TILE_URL = os.environ.get("MARSAD_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
LEAFLET_CONFIG = {
    "DEFAULT_CENTER": (34.0, 41.5),
    "DEFAULT_ZOOM": 5,
    "MIN_ZOOM": 3,
    "MAX_ZOOM": 18,
    "RESET_VIEW": False,
    "TILES": [
        (
            "OpenStreetMap",
            TILE_URL,
            {"attribution": "&copy; OpenStreetMap contributors; places: GeoNames (geonames.org), OCHA", "maxZoom": 19},
        )
    ],
}


def tile_source(url):
    """Return the CSP source that allows the tiles of Leaflet URL template `url` ({s} is any subdomain)."""
    parts = urlsplit(url.replace("{s}", "*"))
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else SELF


# Every page we serve gets a Content-Security-Policy (django-csp): scripts only from our own static files,
# never inline nor eval'd, so text that slipped past escaping still could not run. Leaflet, the admin
# and Swagger UI set style attributes, hence inline styles; images include the base-map tiles.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", tile_source(TILE_URL)],
        "connect-src": [SELF],
        "font-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}

# Debian 12 ships GDAL 3.6, which cannot block file/network access from spatial references. Marsad
# never opens spatial files supplied by users (points come from the gazetteer or the map widget).
SILENCED_SYSTEM_CHECKS = ["gis.W001"]
