"""Baking pages to files, the dependency record, serving, CDN purge and background tasks."""
