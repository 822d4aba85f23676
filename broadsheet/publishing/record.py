"""Record what a URL showed while it is rendered.

Why not ask each view: every model instance a page loads passes through
Django's ``post_init`` signal, so noting them while a URL renders finds the
byline's people, the teasers' articles and pictures and the Related block's
stories without any view knowing about baking. What instances cannot tell
is which *lists* a page shows the newest of (a story published tomorrow was
not loaded today), so those are named from the URL (``lists``) or by a view
calling ``depends_on``.
"""

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar

from django.db.models import Model
from modelcluster.fields import ParentalKey
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.models import Page

# Never recorded: plumbing every page loads, settings (a change rebakes
# everything anyway), renditions (derived from their image) and the rows of
# a page's inline panels (they change only when the page is published).
IGNORED_LABELS = {
    "contenttypes.contenttype",
    "sessions.session",
    "wagtailcore.site",
    "wagtailcore.locale",
    "wagtailcore.revision",
    "wagtailcore.pageviewrestriction",
    "wagtailcore.workflowstate",
    "wagtailcore.referenceindex",
    "wagtailredirects.redirect",
    "publishing.bakeddependency",
    "django_tasks_db.dbtaskresult",
    "articles.archivetally",
    "articles.archivegeneration",
}

_keys: ContextVar[set[str] | None] = ContextVar("broadsheet_bake_keys", default=None)
_key_for_model: dict[type, str | None] = {}


def model_key_prefix(model: type[Model]) -> str | None:
    """``page`` for any page type, ``app.model`` for others, None if never recorded."""
    try:
        return _key_for_model[model]
    except KeyError:
        pass
    opts = model._meta
    label = opts.label_lower
    if issubclass(model, Page):
        prefix = "page"
    elif (
        label in IGNORED_LABELS
        or issubclass(model, BaseSiteSetting | BaseGenericSetting)
        or opts.app_label in ("auth", "admin", "wagtailsearch", "taggit")
        or label.endswith("rendition")
        or any(isinstance(field, ParentalKey) for field in opts.fields)
    ):
        prefix = None
    else:
        prefix = label
    _key_for_model[model] = prefix
    return prefix


def object_key(instance: Model) -> str | None:
    prefix = model_key_prefix(type(instance))
    return f"{prefix}:{instance.pk}" if prefix and instance.pk is not None else None


def note_instance(sender: type[Model], instance: Model, **kwargs) -> None:
    """``post_init`` receiver: add the instance's key while a URL is being rendered."""
    keys = _keys.get()
    if keys is None:
        return
    depth = instance.__dict__.get("depth")  # never load a deferred field here
    if depth is not None and depth <= 2 and isinstance(instance, Page):
        # The tree root and the home page are loaded to route every request;
        # what the home page shows is rebaked with it (signal_handlers).
        return
    key = object_key(instance)
    if key:
        keys.add(key)


def depends_on(key: str) -> None:
    """Declare that the URL being rendered shows ``key`` (e.g. ``list:site``).

    Views and feeds that show the newest items of a list call this, so that
    publishing a new item rebakes them. Outside a bake it does nothing.
    """
    keys = _keys.get()
    if keys is not None:
        keys.add(key)


@contextlib.contextmanager
def recording() -> Iterator[set[str]]:
    """Collect the keys of everything rendered inside the block."""
    keys: set[str] = set()
    token = _keys.set(keys)
    try:
        yield keys
    finally:
        _keys.reset(token)


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """Record nothing inside the block (a fragment shared by every page)."""
    token = _keys.set(None)
    try:
        yield
    finally:
        _keys.reset(token)
