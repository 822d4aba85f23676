"""Rendering deploy/nginx.conf, a template with ``@NAME@`` placeholders.

Plain text substitution rather than a template language: nginx's own ``$variables``
and ``{ blocks }`` must pass through untouched, and the file stays a readable nginx
configuration that an operator can diff against what is installed.
"""

import re
from pathlib import Path

PLACEHOLDER = re.compile(r"@([A-Z_]+)@")
# Debian's paths; `broadsheet nginx_config --help` shows how to change each.
DEFAULTS = {
    "LISTEN": "80",
    "UPSTREAM": "127.0.0.1:8001",
    "USER": "www-data",
    "PID_FILE": "/run/nginx.pid",
    "LOG_DIR": "/var/log/nginx",
    "RUN_DIR": "/var/lib/nginx",
    "MODULES_DIR": "/usr/lib/nginx/modules",
}


def template_path() -> Path:
    """deploy/nginx.conf in the checkout this code runs from."""
    return Path(__file__).resolve().parents[2] / "deploy" / "nginx.conf"


def render_nginx_config(values: dict[str, str], template: Path | None = None) -> str:
    """The configuration with every placeholder filled; ValueError names any left empty."""
    text = (template or template_path()).read_text(encoding="utf-8")
    missing = sorted({name for name in PLACEHOLDER.findall(text) if not values.get(name)})
    if missing:
        raise ValueError(f"No value for {', '.join(missing)} in the nginx configuration.")
    return PLACEHOLDER.sub(lambda match: str(values[match.group(1)]), text)
