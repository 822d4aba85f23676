"""Serving baked files: the lookup rules and headers, and the ASGI application
that ``broadsheet serve`` runs (see docs/performance.md and docs/deployment.md)."""

from .asgi import BakedSiteApplication, create_application
from .files import BakedFile, BakedSite, Redirect, configured_bake_dir

__all__ = ["BakedFile", "BakedSite", "BakedSiteApplication", "Redirect", "configured_bake_dir", "create_application"]
