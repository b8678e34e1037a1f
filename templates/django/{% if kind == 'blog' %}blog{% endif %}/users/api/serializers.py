"""What /api/users and /api/user accept (Input) and return (Output).

RealWorld wraps every body in an envelope, {"user": {...}}: the *Request serializers
are those envelopes.
"""

from rest_framework import serializers
from rest_framework_simplejwt.tokens import AccessToken

from blog.users.models import User

# Letters, digits, "_", "." and "-": a username is part of URLs (/api/profiles/<username>).
USERNAME_PATTERN = r"^[\w.-]+$"


class UserRegistrationInputSerializer(serializers.Serializer):
    username = serializers.RegexField(USERNAME_PATTERN, max_length=50)
    email = serializers.EmailField(max_length=254)
    password = serializers.CharField(min_length=8, max_length=128, trim_whitespace=False)


class UserRegistrationRequestSerializer(serializers.Serializer):
    user = UserRegistrationInputSerializer()


class UserLoginInputSerializer(serializers.Serializer):
    email = serializers.EmailField(max_length=254)
    # Any non-empty password is accepted here: a wrong one is 401, not 422.
    password = serializers.CharField(max_length=128, trim_whitespace=False)


class UserLoginRequestSerializer(serializers.Serializer):
    user = UserLoginInputSerializer()


class UserUpdateInputSerializer(serializers.Serializer):
    """Every field is optional: only the ones sent are changed."""

    username = serializers.RegexField(USERNAME_PATTERN, max_length=50, required=False)
    email = serializers.EmailField(max_length=254, required=False)
    password = serializers.CharField(
        min_length=8, max_length=128, trim_whitespace=False, required=False
    )
    bio = serializers.CharField(max_length=1000, allow_blank=True, allow_null=True, required=False)
    image = serializers.URLField(max_length=2048, allow_blank=True, allow_null=True, required=False)


class UserUpdateRequestSerializer(serializers.Serializer):
    user = UserUpdateInputSerializer()


class UserOutputSerializer(serializers.ModelSerializer):
    """The account, for its owner only, with a fresh token. Never the password hash."""

    token = serializers.SerializerMethodField()

    class Meta:
        model = User
        fields = ("email", "token", "username", "bio", "image")

    def get_token(self, user: User) -> str:
        return str(AccessToken.for_user(user))


class UserResponseSerializer(serializers.Serializer):
    user = UserOutputSerializer()
