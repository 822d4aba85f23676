from wagtail import hooks

from .preload import preload_stories


@hooks.register("broadsheet_bake_preload")
def preload_batch_stories(urls: list[str], site) -> None:
    preload_stories(urls, site)
