from typing import Any

from rest_framework import serializers

from blog.users.models import User


class ProfileOutputSerializer(serializers.Serializer):
    """A user as others see them: no e-mail, plus whether the caller follows them."""

    username = serializers.CharField()
    bio = serializers.CharField(allow_null=True)
    image = serializers.CharField(allow_null=True)
    following = serializers.BooleanField()


class ProfileResponseSerializer(serializers.Serializer):
    profile = ProfileOutputSerializer()


def profile_data(user: User, *, following: bool) -> dict[str, Any]:
    return {"username": user.username, "bio": user.bio, "image": user.image, "following": following}
