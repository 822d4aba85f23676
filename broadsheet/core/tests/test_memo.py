"""core.memo: answers kept for one bake, never for a reader's request."""

from django.db.models.signals import post_init

from broadsheet.core.memo import BoundedCache, memo_active, memo_scope, memo_whole_site, memoized, reused
from broadsheet.publishing import record


def counting_factory():
    calls = []

    def factory():
        calls.append(1)
        return len(calls)

    return factory, calls


def test_outside_a_scope_every_call_asks_again():
    factory, calls = counting_factory()
    assert [memoized("x", factory), memoized("x", factory)] == [1, 2]
    assert not memo_active()


def test_inside_a_scope_the_first_answer_is_kept_until_the_scope_ends():
    factory, calls = counting_factory()
    with memo_scope():
        assert [memoized("x", factory), memoized("x", factory)] == [1, 1]
        assert memo_active() and not memo_whole_site()
    with memo_scope(whole_site=True):
        assert memoized("x", factory) == 2
        assert memo_whole_site()
    assert len(calls) == 2


def test_a_bounded_cache_forgets_its_oldest_half_rather_than_grow_past_its_limit():
    cache = BoundedCache(6)
    cache.add([(1, "a"), (2, "b"), (3, "c"), (4, "d")])
    cache.add([(5, "e"), (6, "f")])
    assert len(cache) == 6
    cache.add([(7, "g")])
    # Half the limit is kept, the new entry included: the two most recent before it.
    assert cache == {5: "e", 6: "f", 7: "g"}
    cache.add([(8, "h"), (9, "i"), (10, "j"), (11, "k")])
    # A batch of more than half the limit keeps only itself.
    assert cache == {8: "h", 9: "i", 10: "j", 11: "k"}


def test_a_bounded_cache_takes_a_batch_larger_than_half_its_limit():
    cache = BoundedCache(4)
    cache.add([(1, "a"), (2, "b"), (3, "c")])
    cache.add([(4, "d"), (5, "e"), (6, "f")])
    assert cache == {4: "d", 5: "e", 6: "f"}


def test_what_a_factory_loads_is_not_recorded_for_the_page_that_asked_first(person, tag):
    from broadsheet.people.models import Person

    with memo_scope(), record.recording() as keys:
        people = memoized("people", lambda: list(Person.objects.all()))
        assert keys == set()
        reused(people)  # the page shows them: now it depends on them
        assert keys == {f"people.person:{person.pk}"}
    assert post_init.has_listeners(Person)


def test_a_bakes_view_restrictions_match_wagtails_for_aliases_too(newsroom):
    """In a memo scope restrictions are matched by tree path, except under an alias, which takes its source's."""
    import datetime

    from wagtail.models import PageViewRestriction

    from broadsheet.articles.tests.factories import make_article

    secret = make_article(newsroom.news, "Behind a password", datetime.datetime(2026, 3, 2, 8, tzinfo=datetime.UTC))
    PageViewRestriction.objects.create(page=secret, restriction_type=PageViewRestriction.PASSWORD, password="x")
    alias = secret.create_alias(parent=newsroom.business, update_slug="behind-a-password-too")
    open_story = make_article(newsroom.business, "Open to all", datetime.datetime(2026, 3, 2, 9, tzinfo=datetime.UTC))

    def restrictions(page):
        return sorted(restriction.pk for restriction in page.get_view_restrictions())

    pages = [type(page).objects.get(pk=page.pk) for page in (secret, alias, open_story)]
    wagtails = [restrictions(page) for page in pages]
    assert wagtails[0] == wagtails[1] != [] and wagtails[2] == []
    with memo_scope(whole_site=True):
        assert [restrictions(page) for page in pages] == wagtails
