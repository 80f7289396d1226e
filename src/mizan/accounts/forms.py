from __future__ import annotations

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from mizan.core.forms import BootstrapFormMixin
from mizan.text import to_ascii_digits


class SignInForm(BootstrapFormMixin, AuthenticationForm):
    error_messages = {
        "invalid_login": _(
            "The username or password is not right. Both are case-sensitive. After several "
            "failed attempts the account is locked for a while."
        ),
        "inactive": _("This account is switched off. Ask an administrator."),
    }


class TokenForm(BootstrapFormMixin, forms.Form):
    token = forms.CharField(
        label=_("Six-digit code from your authenticator app"),
        # Length is checked in clean_token, after Arabic digits and spaces are folded.
        max_length=20,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "dir": "ltr",
                "autofocus": True,
            }
        ),
    )

    def clean_token(self) -> str:
        # People type the code as shown on an Arabic phone: accept ٠-٩ and spaces.
        token = to_ascii_digits(self.cleaned_data["token"]).replace(" ", "")
        if not token.isdigit() or len(token) != 6:
            raise forms.ValidationError(_("The code is six digits, for example 123456."))
        return token
