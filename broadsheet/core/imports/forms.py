from django import forms
from django.template.defaultfilters import filesizeformat


class UploadForm(forms.Form):
    """The file to import; its size is refused before it is read."""

    file = forms.FileField(label="CSV file", help_text="UTF-8 text, comma separated, a header row first.")

    def __init__(self, *args, max_bytes: int, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.max_bytes = max_bytes
        self.errors_before = ""
        self.fields["file"].help_text += f" At most {filesizeformat(max_bytes)}."
        self.fields["file"].widget.attrs["accept"] = ".csv,text/csv"

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > self.max_bytes:
            raise forms.ValidationError(
                f"The file is {filesizeformat(upload.size)}; the limit is {filesizeformat(self.max_bytes)}."
            )
        return upload
