"""WSGI entry point for production servers (gunicorn, used by ``mizan serve``)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mizan.settings")
application = get_wsgi_application()
