"""The article edit form: one tick box marks a publication as a significant update."""

from django import forms
from django.utils import timezone
from wagtail.admin.forms import WagtailAdminPageForm


class ArticlePageForm(WagtailAdminPageForm):
    mark_significant_update = forms.BooleanField(
        required=False,
        label="This is a significant update",
        help_text="Readers will see “Update: HH:MM” with the time you save. Leave unticked for typo fixes.",
    )

    def save(self, commit: bool = True):
        page = super().save(commit=False)
        if self.cleaned_data.get("mark_significant_update"):
            page.significant_update_at = timezone.now()
        if commit:
            page.save()
        return page
