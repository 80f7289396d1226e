"""WSGI entry point for production servers (gunicorn, used by ``mizan serve``)."""

import os

# Before anything is created (the database's WAL, uploads): private to this account.
os.umask(0o077)

from django.core.wsgi import get_wsgi_application  # noqa: E402

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mizan.settings")
application = get_wsgi_application()

from mizan.core.home import secure_process_start  # noqa: E402

secure_process_start(private_temp=True)
