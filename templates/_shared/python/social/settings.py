"""The social network's own settings: none yet. app/core/config.py's Settings inherits them.

A setting added here (an UPPER_CASE field with a type, a default and a comment that
says why) is read from the environment (and .env) with all the others, and checked
at startup: use it as `settings.NAME`.
"""

from app.core.settings_base import AppSettings


class SocialSettings(AppSettings):
    pass
