from django.contrib import admin
from django.urls import include, path

from mizan.core import views as core_views
from mizan.core.errors import admin_sign_in

handler400 = "mizan.core.errors.bad_request"
handler403 = "mizan.core.errors.permission_denied"
handler404 = "mizan.core.errors.not_found"
handler500 = "mizan.core.errors.server_error"

urlpatterns = [
    # Browsers and feed readers ask for /favicon.ico whatever the page says.
    path("favicon.ico", core_views.favicon, name="favicon"),
    # Administrators sign in through Mizan's own page (throttled, two-factor) like everyone;
    # a signed-in user who is not staff is told so (the admin sends them here).
    path("admin/login/", admin_sign_in, name="admin_login_redirect"),
    path("admin/", admin.site.urls),
    path("accounts/", include("mizan.accounts.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("cases/", include("mizan.cases.urls")),
    path("evidence/", include("mizan.evidence.urls")),
    path("missing/", include("mizan.missing.urls")),
    path("library/", include("mizan.library.urls")),
    path("testimonies/", include("mizan.testimonies.urls")),
    path("activities/", include("mizan.activities.urls")),
    path("accountability/", include("mizan.accountability.urls")),
    path("backup/", include("mizan.backup.urls")),
    path("", include("mizan.core.urls")),
]
