"""Settings for Samarbejdsportalen: one module, read from the environment.

Every variable is listed in README.md ("Configuration"). DEBUG is off unless asked for; with it
off this is the production configuration and a missing SECRET_KEY stops start-up.
"""

from pathlib import Path

import datetime as dt

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
env = environ.Env()

# https://docs.djangoproject.com/en/6.1/ref/settings/#debug
DEBUG = env.bool("DEBUG", default=False)

# https://docs.djangoproject.com/en/6.1/ref/settings/#secret-key
# Empty counts as missing: `SECRET_KEY=` in a half-filled .env must not start production.
SECRET_KEY = env.str("SECRET_KEY", default="").strip()
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set (or empty). In production (DEBUG off) the portal refuses to start "
            "without it: set SECRET_KEY to a long random string, or DEBUG=1 for development."
        )
    SECRET_KEY = "dev-only-insecure-key-never-used-in-production"

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "portal.apps.PortalAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "guardian",
    "crispy_forms",
    "crispy_bootstrap5",
    "simple_history",
    "django_htmx",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "portal",
    "agreement",
    "activities",
    "governance",
    "coordination",
    "members",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "portal.middleware.PortalLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "portal.security.RejectNulBytesMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "portal.middleware.MFARequiredMiddleware",
    "portal.middleware.MembersAreaMiddleware",
    "portal.middleware.SessionIdleMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a lockout raised during login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portal.context_processors.portal",
                "agreement.context_processors.agreement",
            ],
        },
    },
    {
        # Plain text (email subjects and bodies, notification texts): nothing is HTML-escaped, so
        # a title with quotes reads "like this", not &quot;like this&quot;. Only for .txt templates.
        "NAME": "text",
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": False,
        "OPTIONS": {"autoescape": False},
    },
]

# https://django-environ.readthedocs.io/en/latest/types.html#environ-env-db-url
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=0))
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Web server and worker write to the same file: wait for the lock instead of failing.
    DATABASES["default"].setdefault("OPTIONS", {}).update({"timeout": 20, "transaction_mode": "IMMEDIATE"})
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "portal.User"
AUTHENTICATION_BACKENDS = [
    # django-axes first: it refuses a locked-out login before the password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "guardian.backends.ObjectPermissionBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "landing"
LOGOUT_REDIRECT_URL = "login"
# django-guardian: the anonymous user never gets object permissions here.
ANONYMOUS_USER_NAME = None
GUARDIAN_RAISE_403 = False

# https://docs.djangoproject.com/en/6.1/topics/i18n/
LANGUAGE_CODE = "da"
LANGUAGES = [("da", _("Danish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
TIME_ZONE = env.str("TIME_ZONE", default="Europe/Copenhagen")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(BASE_DIR / "var" / "staticfiles")))
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(BASE_DIR / "var" / "media")))
# Uploaded files are never served from a public URL: no URL pattern serves MEDIA_URL; files go
# out only through the permission-checked download views.
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# https://django-environ.readthedocs.io/en/latest/types.html#environ-env-email-url
# Django 6.1 configures email through MAILERS; EMAIL_URL is translated into its one mailer.
_email = env.email_url("EMAIL_URL", default="consolemail://" if DEBUG else "smtp://localhost:25")
_email_backend = _email["EMAIL_BACKEND"]
if _email_backend.endswith("smtp.EmailBackend"):
    _email_options = {
        "host": _email.get("EMAIL_HOST") or "localhost",
        "port": int(_email.get("EMAIL_PORT") or 25),
        "username": _email.get("EMAIL_HOST_USER") or "",
        "password": _email.get("EMAIL_HOST_PASSWORD") or "",
        "use_tls": bool(_email.get("EMAIL_USE_TLS")),
        "use_ssl": bool(_email.get("EMAIL_USE_SSL")),
        "timeout": 10,
    }
elif _email_backend.endswith("filebased.EmailBackend"):
    # django-environ drops the slash of filemail:///abs/path (its path becomes "abs/path"): take the
    # path as written, so three slashes mean an absolute path and two a path under the project.
    _email_path = env.str("EMAIL_URL", default="").partition("://")[2].partition("?")[0]
    _email_options = {"file_path": str(BASE_DIR / (_email_path or "var/mail"))}
else:
    _email_options = {}
MAILERS = {"default": {"BACKEND": _email_backend, "OPTIONS": _email_options}}
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Samarbejdsportalen <portal@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# The address used in links inside emails, notifications and calendar feeds; by default the one
# `make run` serves (PORT=8123 make run: http://127.0.0.1:8123). Production sets it.
PORTAL_BASE_URL = env.str("PORTAL_BASE_URL", default=f"http://127.0.0.1:{env.int('PORT', default=8000)}").rstrip("/")

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

# --- Celery -----------------------------------------------------------------------------------
# https://docs.celeryq.dev/en/stable/userguide/configuration.html
# REDIS_URL unset: kombu's filesystem transport, a real broker that needs no server.
REDIS_URL = env.str("REDIS_URL", default="")
BROKER_DIR = Path(env.str("PORTAL_BROKER_DIR", default=str(BASE_DIR / "var" / "broker")))
if REDIS_URL:
    CELERY_BROKER_URL = REDIS_URL
else:
    CELERY_BROKER_URL = env.str("PORTAL_BROKER_URL", default="filesystem://")
if CELERY_BROKER_URL == "filesystem://":
    for sub in ("out", "processed", "control"):
        (BROKER_DIR / sub).mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(BROKER_DIR / "out"),
        "data_folder_out": str(BROKER_DIR / "out"),
        "processed_folder": str(BROKER_DIR / "processed"),
        "control_folder": str(BROKER_DIR / "control"),
        "store_processed": False,
    }
else:
    # Short timeouts: a save must never wait on (or fail because of) a slow or absent broker.
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "socket_connect_timeout": 1,
        "socket_timeout": 2,
        "max_retries": 0,
        "visibility_timeout": 3600,
    }
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE

# --- The portal's own settings ------------------------------------------------------------------
PORTAL_CONTACT_REMINDER_DAY = env.int("PORTAL_CONTACT_REMINDER_DAY", default=20)
PORTAL_MAX_UPLOAD_MB = env.int("PORTAL_MAX_UPLOAD_MB", default=100)
# The score two activities' overlap must reach to be a finding (activities.checks; one rare word in both titles ≈ 0.9).
PORTAL_OVERLAP_THRESHOLD = env.float("PORTAL_OVERLAP_THRESHOLD", default=0.8)
# After this long a notification claimed for email and not marked sent is taken to be orphaned (its
# sender died) and is sent again; keep it well above the SMTP timeout (10 s), or a slow send is doubled.
PORTAL_EMAIL_CLAIM_SECONDS = env.int("PORTAL_EMAIL_CLAIM_SECONDS", default=600)
# The local hour at which the daily digest goes out to those who chose it (Europe/Copenhagen).
PORTAL_DIGEST_HOUR = env.int("PORTAL_DIGEST_HOUR", default=7)
PORTAL_REQUIRE_MFA = env.bool("PORTAL_REQUIRE_MFA", default=not DEBUG)
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

# Without Redis a file cache under var/ is shared by the web server and the worker (which
# invalidates what the dashboard caches); the tests use a local-memory cache.
CACHES = {
    "default": {
        "BACKEND": "portal.cache.ResilientRedisCache",
        "LOCATION": REDIS_URL,
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }
    if REDIS_URL
    else env.cache("CACHE_URL", default=f"filecache://{BASE_DIR / 'var' / 'cache'}")
}

# --- Security -----------------------------------------------------------------------------------
# https://docs.djangoproject.com/en/6.1/howto/deployment/checklist/
# https://docs.djangoproject.com/en/6.1/ref/csp/ — on in development too, so tests meet the policy.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
}
# https://django-axes.readthedocs.io/en/latest/4_configuration.html
AXES_FAILURE_LIMIT = env.int("PORTAL_LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = dt.timedelta(minutes=env.int("PORTAL_LOGIN_COOLOFF_MINUTES", default=15))
# Per account: failures count per username, whichever address they come from. An address is never
# locked on its own — behind the reverse proxy (or one office NAT) that would lock everyone out —
# only together with a username. That pair never locks more than the username alone; it is there
# because django-axes' deploy check (axes.W006) asks for the address to take part.
AXES_LOCKOUT_PARAMETERS = ["username", ["username", "ip_address"]]
# The address recorded with each attempt: REMOTE_ADDR, or with N trusted proxies in front the
# address the outermost of them saw (portal.security.client_address).
PORTAL_TRUSTED_PROXIES = env.int("PORTAL_TRUSTED_PROXIES", default=0)
AXES_CLIENT_IP_CALLABLE = "portal.security.client_address"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_HTTP_RESPONSE_CODE = 429
AXES_VERBOSE = False
AXES_USERNAME_CALLABLE = "portal.security.axes_username"
# A session ends after this long without a request (SessionIdleMiddleware refreshes it while in use).
SESSION_COOKIE_AGE = env.int("PORTAL_SESSION_IDLE_MINUTES", default=60) * 60
OTP_TOTP_ISSUER = "Samarbejdsportalen"
SESSION_COOKIE_HTTPONLY = True
# Sessions are read on every page: from the cache, written through to the database.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if not DEBUG:
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
SILENCED_SYSTEM_CHECKS = []

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}, "axes": {"level": "WARNING"}},
}
