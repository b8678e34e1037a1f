"""The social network's own settings; config/settings/base.py imports them all.

Its apps, its user model, and what its contract asks of sign-up and of the login token.
"""

SOCIAL_APPS = [
    "social.users",
    "social.follows",
    "social.posts",
    "social.likes",
    "social.comments",
    "social.notifications",
    "social.feed",
    "social.seed",
]

# https://docs.djangoproject.com/en/5.2/topics/auth/customizing/#substituting-a-custom-user-model
AUTH_USER_MODEL = "users.User"

# Checks on a new password besides its length (AUTH_PASSWORD_VALIDATORS in base.py):
# none of the 20,000 most common passwords ("password", "12345678"...), which are the
# first an attacker tries.
SOCIAL_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

# Clients send "Authorization: Bearer <jwt>", as the API contract says.
SOCIAL_TOKEN_TYPES = ("Bearer",)
