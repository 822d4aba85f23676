"""A page's children (the home page's sections, routing, the menu) read off the (depth, path) index."""

from django.db import connection
from wagtail.models import Page

from broadsheet.articles.tests.test_section_lists import plan_of


def test_the_home_pages_children_are_read_off_the_depth_and_path_index(newsroom):
    children = newsroom.home.get_children()
    assert [page.slug for page in children][:3] == [page.slug for page in Page.objects.child_of(newsroom.home)][:3]
    plan = plan_of(children.values("pk"))
    assert "core_page_depth_path" in plan, plan
    if connection.vendor == "sqlite":
        assert "TEMP B-TREE" not in plan  # the index gives them in tree order
