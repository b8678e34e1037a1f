#!/usr/bin/env python
"""Django's command-line utility: `uv run python manage.py help` lists the commands."""

import os
import sys

from config.env import settings_module


def main() -> None:
    # APP_ENV picks the settings: development (default), production or test.
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", settings_module())
    from django.core.management import execute_from_command_line
    from django.db import OperationalError

    try:
        execute_from_command_line(sys.argv)
    except OperationalError as error:
        from core.database import unusable_message

        # PostgreSQL not running or refusing us (make migrate, make run): one line, not a traceback.
        message = unusable_message(error)
        if message is None:
            raise
        sys.exit(message)


if __name__ == "__main__":
    main()
