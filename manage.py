#!/usr/bin/env python
"""Django's manage.py; operators use the equivalent ``broadsheet`` command."""

from broadsheet.cli import main

if __name__ == "__main__":
    main()
