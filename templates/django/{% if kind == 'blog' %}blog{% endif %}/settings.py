"""The blogging platform's own settings; config/settings/base.py imports them all.

Its apps, its user model, and what its contract (the RealWorld API) asks of sign-up and
of the login token.
"""

BLOG_APPS = [
    "blog.users",
    "blog.profiles",
    "blog.articles",
    "blog.comments",
]

# https://docs.djangoproject.com/en/5.2/topics/auth/customizing/#substituting-a-custom-user-model
AUTH_USER_MODEL = "users.User"

# Checks on a new password besides its length (AUTH_PASSWORD_VALIDATORS in base.py).
# The official RealWorld test suite registers with "password", so the common-password
# check is left out here; a real product should add
# django.contrib.auth.password_validation.CommonPasswordValidator.
BLOG_PASSWORD_VALIDATORS: list[dict[str, str]] = []

# RealWorld's clients send "Authorization: Token <jwt>"; "Bearer" is accepted too.
BLOG_TOKEN_TYPES = ("Token", "Bearer")
