"""What /api/auth and /api/users accept (Input) and return (Output)."""

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import URLValidator
from rest_framework import serializers

from social.users.models import BIO_MAX_LENGTH, USERNAME_PATTERN, User

# Only web addresses: a "javascript:" or "data:" URL in an <img src> is an attack.
http_url = URLValidator(schemes=["http", "https"], message="must be an http:// or https:// URL")


class RegistrationInputSerializer(serializers.Serializer):
    username = serializers.RegexField(
        USERNAME_PATTERN,
        error_messages={"invalid": "must be 3-30 of a-z, 0-9 and _"},
    )
    email = serializers.EmailField(max_length=254)
    password = serializers.CharField(min_length=8, max_length=128, trim_whitespace=False)


class LoginInputSerializer(serializers.Serializer):
    email = serializers.EmailField(max_length=254)
    # Any non-empty password is accepted here: a wrong one is 401, not 422.
    password = serializers.CharField(max_length=128, trim_whitespace=False)


class ProfileUpdateInputSerializer(serializers.Serializer):
    """Both fields optional: only the ones sent change; "" (or only spaces) clears one."""

    bio = serializers.CharField(
        max_length=BIO_MAX_LENGTH,
        allow_blank=True,
        allow_null=True,
        required=False,
        trim_whitespace=False,
    )
    avatar_url = serializers.CharField(
        max_length=2048, allow_blank=True, allow_null=True, required=False
    )

    def validate_bio(self, bio: str | None) -> str | None:
        return bio if bio and bio.strip() else None

    def validate_avatar_url(self, url: str | None) -> str | None:
        if not url:
            return None
        try:
            http_url(url)
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.messages) from None
        return url


class SearchQuerySerializer(serializers.Serializer):
    search = serializers.CharField(max_length=30, required=False, allow_blank=True, default="")


class UserOutputSerializer(serializers.ModelSerializer):
    """The account as its owner sees it (with the e-mail). Never the password hash."""

    class Meta:
        model = User
        fields = ("id", "username", "email", "bio", "avatar_url")


class AuthOutputSerializer(serializers.Serializer):
    """Answered by register and login: the account and a fresh access token."""

    user = UserOutputSerializer()
    token = serializers.CharField()


class UserEnvelopeOutputSerializer(serializers.Serializer):
    user = UserOutputSerializer()


class AuthorOutputSerializer(serializers.ModelSerializer):
    """Someone who wrote a post or a comment, or did what a notification is about."""

    class Meta:
        model = User
        fields = ("username", "bio", "avatar_url")


class ProfileOutputSerializer(serializers.ModelSerializer):
    """A user as others see them: no e-mail; counts, and whether the caller follows them.

    The counts and `following` are annotations (social/users/selectors.py), computed
    in the same query as the user.
    """

    followers_count = serializers.IntegerField()
    following_count = serializers.IntegerField()
    posts_count = serializers.IntegerField()
    following = serializers.BooleanField()

    class Meta:
        model = User
        fields = (
            "username",
            "bio",
            "avatar_url",
            "followers_count",
            "following_count",
            "posts_count",
            "following",
        )


class ProfilePageOutputSerializer(serializers.Serializer):
    items = ProfileOutputSerializer(many=True)
    next_cursor = serializers.CharField(allow_null=True)


def auth_data(user: User, token: str) -> dict[str, Any]:
    return {"user": UserOutputSerializer(user).data, "token": token}
