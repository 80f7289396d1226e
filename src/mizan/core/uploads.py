"""Django's upload spooling, kept inside MIZAN_HOME (never the system's /tmp).

A file uploaded through a form (a list of names to import, a library document) is spooled by
Django to a temporary file; the default place is the system's temporary directory, where it
stays if the process is killed. Mizan points ``FILE_UPLOAD_TEMP_DIR`` at
``MIZAN_HOME/tmp/uploads`` (0700, made on first use here) and sweeps what a killed process left
there at the next start (:mod:`mizan.core.home`). Django deletes the file when the request ends,
whether the view succeeded, refused the file or raised.
"""

from __future__ import annotations

from typing import Any

from django.core.files.uploadhandler import TemporaryFileUploadHandler

from mizan.core.home import upload_temp_dir


class PrivateTemporaryFileUploadHandler(TemporaryFileUploadHandler):
    def new_file(self, *args: Any, **kwargs: Any) -> None:
        upload_temp_dir()
        super().new_file(*args, **kwargs)
