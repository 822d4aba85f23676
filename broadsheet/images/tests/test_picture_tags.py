"""``picture_tags``: Wagtail's image tags, the same output, filter specs parsed once."""

import pytest
from django.template import Context, Template, TemplateSyntaxError

from broadsheet.core.tests.factories import make_image

pytestmark = pytest.mark.django_db

SRCSET = '{% srcset_image picture width-{120,240} sizes="100vw" class="x" %}'
SINGLE = '{% image picture fill-80x80 alt="Портрет" %}'


def rendered(library: str, tag: str, picture) -> str:
    return Template(f"{{% load {library} %}}{tag}").render(Context({"picture": picture}))


def test_the_tags_render_what_wagtails_do(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    picture = make_image("River")
    for tag in (SRCSET, SINGLE):
        ours = rendered("picture_tags", tag, picture)
        assert ours == rendered("wagtailimages_tags", tag, picture)
        assert "<img" in ours
    assert 'alt="Портрет"' in rendered("picture_tags", SINGLE, picture)


def test_a_compiled_tag_keeps_its_filters_between_renderings():
    node = Template("{% load picture_tags %}" + SRCSET).nodelist[-1]
    first = node.get_filters()
    assert [f.spec for f in first] == ["width-120", "width-240"]
    assert all(a is b for a, b in zip(first, node.get_filters(), strict=True))


def test_no_picture_renders_nothing():
    assert rendered("picture_tags", SRCSET, None) == ""


@pytest.mark.parametrize(
    "tag",
    ["{% srcset_image picture %}", "{% image picture width-100;rm -rf %}", "{% image picture width-1 as %}"],
)
def test_malformed_tags_are_template_errors(tag):
    with pytest.raises(TemplateSyntaxError):
        Template("{% load picture_tags %}" + tag)
