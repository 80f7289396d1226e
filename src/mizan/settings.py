"""Mizan's one settings module.

Every knob is an environment variable (``MIZAN_*`` and ``DATABASE_URL``), read through the typed
helpers in :mod:`mizan.conf`, which fail loudly on a malformed value. Secrets may come from a file
named by ``<NAME>_FILE`` so they never have to sit in the environment or the repository.

Profiles (``MIZAN_ENV``):

* ``development`` (default) and ``demo``: embedded SQLite under ``MIZAN_HOME``, a secret key
  generated once into ``MIZAN_HOME/secret_key`` (mode 0600), plain-HTTP cookies for localhost.
* ``test``: like development, faster password hashing; chosen by the test suite.
* ``production``: refuses to start without a secret key, allowed hosts and a PostgreSQL database;
  secure cookies, HSTS and SSL redirect on, so ``check --deploy --fail-level WARNING`` passes.
"""

from __future__ import annotations

import secrets
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from mizan.conf import env_bool, env_int, env_list, env_secret, env_str, persistent_secret_key

BASE_DIR = Path(__file__).resolve().parent

MIZAN_ENV = env_str("MIZAN_ENV", "development")
if MIZAN_ENV not in {"development", "demo", "test", "production"}:
    raise ImproperlyConfigured(
        f"MIZAN_ENV={MIZAN_ENV!r}: expected development, demo, test or production"
    )
PRODUCTION = MIZAN_ENV == "production"
TESTING = MIZAN_ENV == "test"

MIZAN_HOME = Path(env_str("MIZAN_HOME", str(Path.cwd() / "var"))).resolve()

DEBUG = env_bool("MIZAN_DEBUG", default=False)
if PRODUCTION and DEBUG:
    raise ImproperlyConfigured("MIZAN_DEBUG must be off in production: it shows stack traces.")

# --- Secrets, hosts, database -------------------------------------------------------------------

_secret = env_secret("MIZAN_SECRET_KEY")
if PRODUCTION:
    if not _secret or len(_secret) < 50:
        raise ImproperlyConfigured(
            "Production needs MIZAN_SECRET_KEY (or MIZAN_SECRET_KEY_FILE) of at least 50 "
            "characters."
        )
    SECRET_KEY = _secret
elif _secret:
    SECRET_KEY = _secret
elif TESTING:
    SECRET_KEY = "test-only-insecure-key-" + "x" * 40
elif env_bool("MIZAN_READ_ONLY", default=False) and not (MIZAN_HOME / "secret_key").exists():
    # A read-only check (`mizan audit verify`, `mizan evidence verify`) creates nothing, not
    # even this file; it signs no cookie, so a throwaway key will do.
    SECRET_KEY = secrets.token_urlsafe(64)
else:
    SECRET_KEY = persistent_secret_key(MIZAN_HOME / "secret_key")

ALLOWED_HOSTS = env_list("MIZAN_ALLOWED_HOSTS", default=[])
if not ALLOWED_HOSTS:
    if PRODUCTION:
        raise ImproperlyConfigured("Production needs MIZAN_ALLOWED_HOSTS (comma-separated).")
    ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]", "testserver"]
CSRF_TRUSTED_ORIGINS = env_list("MIZAN_CSRF_TRUSTED_ORIGINS", default=[])

_database_url = env_secret("DATABASE_URL")
if PRODUCTION and not (_database_url and _database_url.startswith(("postgres", "postgresql"))):
    raise ImproperlyConfigured(
        "Production needs DATABASE_URL pointing at PostgreSQL (postgres://user@host/db); "
        "the embedded SQLite database is for demos and single-user trials."
    )
if _database_url:
    DATABASES = {"default": dj_database_url.parse(_database_url, conn_max_age=60)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(MIZAN_HOME / "mizan.sqlite3"),
        }
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers run beside the one writer; IMMEDIATE takes the write lock when a
    # transaction starts, so two writers queue (up to the busy timeout) instead of failing
    # half-way with "database is locked"; synchronous=FULL makes a commit survive power loss.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": env_int("MIZAN_SQLITE_BUSY_TIMEOUT", 30),
        "init_command": (
            "PRAGMA journal_mode=WAL;PRAGMA synchronous=FULL;PRAGMA foreign_keys=ON;"
            f"PRAGMA busy_timeout={env_int('MIZAN_SQLITE_BUSY_TIMEOUT', 30) * 1000}"
        ),
    }
    # Keep each server thread's connection for a minute, as for PostgreSQL above: opening one
    # (file open, the four PRAGMAs, Django's SQL functions) cost about 2 ms of every request's
    # CPU (issue 11). Django still closes a connection after an error or an unfinished
    # transaction; an idle SQLite connection holds no lock.
    DATABASES["default"]["CONN_MAX_AGE"] = 60
DATABASES["default"]["ATOMIC_REQUESTS"] = False
# The longest a library search may keep the database busy (ms; 0: no limit). See
# mizan.library.search.time_budget.
MIZAN_SEARCH_TIMEOUT_MS = env_int("MIZAN_SEARCH_TIMEOUT_MS", 3000)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Applications ------------------------------------------------------------------------------

INSTALLED_APPS = [
    "mizan.core",
    "mizan.accounts",
    "mizan.cases",
    "mizan.evidence",
    "mizan.missing",
    "mizan.library",
    "mizan.testimonies",
    "mizan.activities",
    "mizan.accountability",
    "mizan.backup",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_otp",
    # Other packages' apps under translated names (mizan.core.third_party says why).
    "mizan.core.third_party.AuthenticatorAppsConfig",
    "mizan.core.third_party.BackupCodesConfig",
    "mizan.core.third_party.SignInLockoutsConfig",
    "django_tasks",
    "mizan.core.third_party.BackgroundTasksConfig",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "mizan.accounts.middleware.TwoFactorRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks, so it sees the outcome of authentication.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "mizan.urls"
WSGI_APPLICATION = "mizan.wsgi.application"
AUTH_USER_MODEL = "accounts.User"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "mizan.core.context_processors.mizan",
            ],
        },
    }
]

# --- Authentication ----------------------------------------------------------------------------

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
if TESTING:
    # Argon2 is deliberately slow; tests create many users. Production never takes this branch.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", *PASSWORD_HASHERS]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": env_int("MIZAN_PASSWORD_MIN_LENGTH", 12)},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "core:home"

# Which clearance makes two-factor authentication compulsory (DESIGN decision 6; issue 2).
MIZAN_2FA_REQUIRED_FROM = env_str("MIZAN_2FA_REQUIRED_FROM", "confidential")
OTP_TOTP_ISSUER = env_str("MIZAN_OTP_ISSUER", "Mizan")
OTP_TOTP_TOLERANCE = 1

# django-axes: count failed sign-ins per account (from whatever address: guesses spread over
# many addresses still lock it) and per address (one address guessing many accounts); lock for
# a while, not forever. An administrator lifts a lockout sooner with `mizan manage
# unlock_account` (audited).
AXES_FAILURE_LIMIT = env_int("MIZAN_AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("MIZAN_AXES_COOLOFF_MINUTES", 15) / 60
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
# Not axes' own reset on success: it also forgets every failure from the signing-in address,
# so an insider could spend four guesses on a colleague's account, sign in to their own from
# the same address and start again. Mizan forgets only the signed-in account's failures
# (mizan.accounts.signals).
AXES_RESET_ON_SUCCESS = False
AXES_LOCKOUT_CALLABLE = "mizan.accounts.views.locked_out"
AXES_VERBOSE = False
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_IPWARE_PROXY_COUNT = env_int("MIZAN_PROXY_COUNT", 0)

# --- Sessions, cookies, transport security -----------------------------------------------------

SECURE_COOKIES = env_bool("MIZAN_SECURE_COOKIES", default=PRODUCTION)
SESSION_COOKIE_SECURE = SECURE_COOKIES
CSRF_COOKIE_SECURE = SECURE_COOKIES
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = env_int("MIZAN_SESSION_HOURS", 8) * 3600
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_NAME = "mizan_session" if not SECURE_COOKIES else "__Host-mizan_session"
CSRF_COOKIE_NAME = "mizan_csrf" if not SECURE_COOKIES else "__Host-mizan_csrf"
LANGUAGE_COOKIE_NAME = "mizan_language"
LANGUAGE_COOKIE_SECURE = SECURE_COOKIES
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
SECURE_SSL_REDIRECT = env_bool("MIZAN_SSL_REDIRECT", default=PRODUCTION)
SECURE_HSTS_SECONDS = env_int("MIZAN_HSTS_SECONDS", 31536000 if PRODUCTION else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = PRODUCTION
SECURE_HSTS_PRELOAD = PRODUCTION
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if env_int("MIZAN_PROXY_COUNT", 0) > 0:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Oversized requests are refused before they are read (a translated 400 page explains why).
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("MIZAN_MAX_FORM_BYTES", 2_621_440)
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000
# Uploaded files are spooled to MIZAN_HOME/tmp/uploads (0700), never the system's /tmp, and
# removed when the request ends; what a killed process left is swept at start (mizan.core.home).
FILE_UPLOAD_MAX_MEMORY_SIZE = 0
FILE_UPLOAD_TEMP_DIR = str(MIZAN_HOME / "tmp" / "uploads")
FILE_UPLOAD_HANDLERS = [
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "mizan.core.uploads.PrivateTemporaryFileUploadHandler",
]
# Stored files (library documents) and their folders are private to Mizan's account.
FILE_UPLOAD_PERMISSIONS = 0o600
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700

# Content-Security-Policy: no inline script or style, nothing from other origins.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}

# --- Internationalisation ----------------------------------------------------------------------

LANGUAGE_CODE = env_str("MIZAN_LANGUAGE", "ar")
LANGUAGES = [("ar", _("Arabic")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# The user guide behind the interface's Help link (a checkout has it in docs/).
USER_GUIDE_PATH = Path(
    env_str("MIZAN_USER_GUIDE", str(BASE_DIR.parent.parent / "docs" / "user-guide.md"))
)
USE_I18N = True
USE_TZ = True
TIME_ZONE = env_str("MIZAN_TIME_ZONE", "Asia/Damascus")
# Western digits in both languages: identifiers, years and case numbers are copied between the
# Arabic and English interfaces and into Latin-script documents.
USE_THOUSAND_SEPARATOR = False

# --- Static files ------------------------------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = MIZAN_HOME / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if TESTING
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
MEDIA_ROOT = MIZAN_HOME / "media"

# --- Evidence locker (DESIGN decision 8) -----------------------------------------------------
# The store holds only ciphertext; its key and the organisation's signing key live apart from it
# (mode 0600) so that a copy of the store alone reveals nothing. Back the keys up separately.

EVIDENCE_ROOT = Path(env_str("MIZAN_EVIDENCE_ROOT", str(MIZAN_HOME / "evidence")))
EVIDENCE_KEY_FILE = Path(env_str("MIZAN_EVIDENCE_KEY_FILE", str(MIZAN_HOME / "keys" / "store.key")))
SIGNING_KEY_FILE = Path(
    env_str("MIZAN_SIGNING_KEY_FILE", str(MIZAN_HOME / "keys" / "signing-key.pem"))
)
# When the store key is locked with a passphrase (`mizan keys lock`): a file holding the
# passphrase, for services started without a terminal (a systemd credential); otherwise `serve`
# and `worker` ask for it on their terminal at start.
EVIDENCE_KEY_PASSPHRASE_FILE = env_str("MIZAN_KEY_PASSPHRASE_FILE", "")
EVIDENCE_EXPORT_ROOT = Path(env_str("MIZAN_HANDOVER_ROOT", str(MIZAN_HOME / "handovers")))
EVIDENCE_MAX_UPLOAD_BYTES = env_int("MIZAN_EVIDENCE_MAX_UPLOAD_GIB", 32) * 1024**3
EVIDENCE_UPLOAD_CHUNK_BYTES = 8 * 1024 * 1024
EVIDENCE_CHECKPOINT_EVERY = env_int("MIZAN_CUSTODY_CHECKPOINT_EVERY", 100)
# The audit log signs a checkpoint once this many entries follow the last one
# (docs/architecture.md, threat model).
AUDIT_CHECKPOINT_EVERY = env_int("MIZAN_AUDIT_CHECKPOINT_EVERY", 100)
EVIDENCE_FIXITY_HOURS = env_int("MIZAN_FIXITY_HOURS", 24 * 7)
ORGANISATION_NAME = env_str("MIZAN_ORGANISATION", "Mizan")
WHITENOISE_USE_FINDERS = TESTING

# --- Library (issue 6) -------------------------------------------------------------------------

# Scans beyond these limits are kept but not OCR'd (a clear message says so).
MIZAN_LIBRARY_OCR_MAX_PAGES = env_int("MIZAN_LIBRARY_OCR_MAX_PAGES", 400)
MIZAN_LIBRARY_OCR_MAX_BYTES = env_int("MIZAN_LIBRARY_OCR_MAX_BYTES", 300_000_000)
MIZAN_LIBRARY_OCR_TIMEOUT = env_int("MIZAN_LIBRARY_OCR_TIMEOUT", 900)
MIZAN_LIBRARY_MAX_FILE_BYTES = env_int("MIZAN_LIBRARY_MAX_FILE_BYTES", 1_000_000_000)

# --- Backups and the restore drill (issue 13) ---------------------------------------------------
# A restic repository: a local path (best on another disk), sftp:user@host:/path or s3:…
BACKUP_REPOSITORY = env_str("MIZAN_BACKUP_REPOSITORY", str(MIZAN_HOME / "backups"))
# The repository password; without it one is generated into MIZAN_HOME/keys/backup-password
# (0600). Keep a copy away from the server (``mizan keys split``): without it no backup opens.
BACKUP_PASSWORD = env_secret("MIZAN_BACKUP_PASSWORD")
BACKUP_PASSWORD_FILE_DEFAULT = MIZAN_HOME / "keys" / "backup-password"
# "" (off), "daily HH:MM" (UTC) or "every N hours"; the worker takes the backups.
BACKUP_SCHEDULE = env_str("MIZAN_BACKUP_SCHEDULE", "")
# restic forget --keep-… after each scheduled backup, e.g. "daily=7,weekly=5,monthly=12".
BACKUP_KEEP = env_str("MIZAN_BACKUP_KEEP", "daily=7,weekly=5,monthly=12")
BACKUP_DRILL_DAYS = env_int("MIZAN_BACKUP_DRILL_DAYS", 7)
# Older than this, the health page shows the last good backup / drill in red.
BACKUP_MAX_AGE_HOURS = env_int("MIZAN_BACKUP_MAX_AGE_HOURS", 36)
BACKUP_DRILL_MAX_AGE_DAYS = env_int("MIZAN_BACKUP_DRILL_MAX_AGE_DAYS", 10)

# --- Background tasks --------------------------------------------------------------------------

TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks.backends.immediate.ImmediateBackend"
            if TESTING
            else "django_tasks_db.DatabaseBackend"
        )
    }
}

# --- Registry of the missing: imports of lists ------------------------------------------------

# Larger files are refused with a message before they are read (split the list instead).
MIZAN_MISSING_IMPORT_MAX_BYTES = env_int("MIZAN_MISSING_IMPORT_MAX_BYTES", 512 * 1024 * 1024)
MIZAN_MISSING_IMPORT_MAX_ROWS = env_int("MIZAN_MISSING_IMPORT_MAX_ROWS", 2_000_000)
# A line longer than this is refused (a file without line breaks is binary or damaged; it is
# never held whole in memory).
MIZAN_MISSING_IMPORT_MAX_LINE_CHARS = env_int("MIZAN_MISSING_IMPORT_MAX_LINE_CHARS", 1_048_576)

# --- Logging: identifiers only, never names or narratives --------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("MIZAN_LOG_LEVEL", "INFO")},
    "loggers": {
        # WeasyPrint narrates every layout step at INFO (PDF summaries, submissions).
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        # bagit narrates every file it hashes at INFO (handover packages).
        "bagit": {"level": "WARNING"},
        # Django's request logger prints the request (with POST data) on errors; keep only
        # the path and status, which carry identifiers, not the words people typed.
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        "axes": {"level": "WARNING"},
    },
}
if TESTING:
    LOGGING["root"]["level"] = "WARNING"  # type: ignore[index]

ADMINS: list[tuple[str, str]] = []
SILENCED_SYSTEM_CHECKS: list[str] = [
    # FILE_UPLOAD_TEMP_DIR (MIZAN_HOME/tmp/uploads) is made on first use by Mizan's upload
    # handler (mizan.core.uploads), so that read-only commands create nothing.
    "files.E001",
]

# Testimonies: the address of the public site, for the links `mizan testimonies publish` prints.
MIZAN_PUBLIC_URL = env_str("MIZAN_PUBLIC_URL", "http://127.0.0.1:8000").rstrip("/")
