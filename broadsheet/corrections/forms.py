"""What a reader may send: field names, sizes and rules, checked before anything is stored.

The dialog's script and the no-JavaScript form send the same fields:
``page`` (an id or the page's address), ``text`` (the passage), ``before``
and ``after`` (context the script captured), ``comment``, ``email``, ``url``
(where the reader was) and ``website``, a honeypot no person fills in.
"""

import unicodedata

from django import forms
from django.core.exceptions import ValidationError

MAX_PASSAGE = 1000
MAX_CONTEXT = 400
MAX_COMMENT = 2000
MAX_EMAIL = 254
MAX_ADDRESS = 500
HONEYPOT = "website"
FIELDS = ("page", "text", "before", "after", "comment", "email", "url", HONEYPOT)
ALLOWED_CONTROLS = {"\t", "\n", "\r"}


def reject_control_characters(value: str) -> None:
    """Text only: no NUL or other control characters, no lone surrogates (JSON can carry them)."""
    for character in value:
        if character not in ALLOWED_CONTROLS and unicodedata.category(character) in {"Cc", "Cs"}:
            raise ValidationError("Contains characters that are not text.", code="control")


def text_field(label: str, max_length: int, required: bool = False, strip: bool = True) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        strip=strip,
        validators=[reject_control_characters],
        error_messages={
            "required": f"{label} is missing.",
            "max_length": f"{label} is too long: at most %(limit_value)d characters (it has %(show_value)d).",
        },
    )


class ReportForm(forms.Form):
    page = text_field("The page", MAX_ADDRESS, required=True)
    text = text_field("The wrong passage", MAX_PASSAGE, required=True)
    # Context is whitespace-sensitive at its inner edge: kept as sent.
    before = text_field("Text before the passage", MAX_CONTEXT, strip=False)
    after = text_field("Text after the passage", MAX_CONTEXT, strip=False)
    comment = text_field("Your comment", MAX_COMMENT)
    email = forms.EmailField(
        label="Your e-mail",
        max_length=MAX_EMAIL,
        required=False,
        error_messages={
            "invalid": "Your e-mail does not look like an address (name@example.com); leave it empty if you like.",
            "max_length": f"Your e-mail is too long: at most {MAX_EMAIL} characters.",
        },
    )
    url = text_field("The page address", MAX_ADDRESS)
    website = forms.CharField(required=False, label="Leave this empty")

    def clean_website(self) -> str:
        if self.cleaned_data.get(HONEYPOT):
            raise ValidationError("This report looks automated and was not sent.", code="honeypot")
        return ""
