"""Add many pages under one parent quickly.

Treebeard's ``add_child`` locks and re-reads the parent and looks up its
last child for every page, and Wagtail's ``save()`` validates each page with
queries per foreign key and logs a creation entry timestamped *now*. For
hundreds of generated stories this class computes the next path itself,
saves without validation (the demo's tests validate what it generates) and
leaves the history to be written in bulk with the right dates.
"""

from django.db.models import F
from wagtail.models import Page


class ChildPages:
    """Appends new pages after the existing children of ``parent``."""

    def __init__(self, parent: Page) -> None:
        self.parent = parent
        last = parent.get_last_child()
        self.last_step = Page._str2int(last.path[-Page.steplen :]) if last else 0

    def add(self, page: Page) -> Page:
        self.last_step += 1
        page.depth = self.parent.depth + 1
        page.path = Page._get_path(self.parent.path, page.depth, self.last_step)
        page._cached_parent_obj = self.parent  # what set_url_path() asks for
        page.save(clean=False, log_action=None)
        Page.objects.filter(pk=self.parent.pk).update(numchild=F("numchild") + 1)
        self.parent.numchild += 1
        return page
