from django.apps import AppConfig


class ProfilesConfig(AppConfig):
    """Profiles (a user as others see them) and follows."""

    name = "blog.profiles"
    label = "profiles"
