"""Reader search: a dynamic page over Wagtail's search index (never baked)."""
