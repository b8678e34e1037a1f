"""What /api/auth accepts (Input) and returns (Output)."""

from rest_framework import serializers
from rest_framework_simplejwt.tokens import AccessToken

from shop.accounts.models import User


class RegisterInputSerializer(serializers.Serializer):
    """New accounts are always customers: a "role" sent here is ignored."""

    email = serializers.EmailField(max_length=254)
    password = serializers.CharField(min_length=8, max_length=128, trim_whitespace=False)
    name = serializers.CharField(max_length=100)


class LoginInputSerializer(serializers.Serializer):
    email = serializers.EmailField(max_length=254)
    # Any non-empty password is accepted here: a wrong one is 401, not 422.
    password = serializers.CharField(max_length=128, trim_whitespace=False)


class UserOutputSerializer(serializers.ModelSerializer):
    """An account as the API shows it. Never the password hash."""

    class Meta:
        model = User
        fields = ("id", "email", "name", "role")


class UserResponseSerializer(serializers.Serializer):
    user = UserOutputSerializer()


class AuthResponseSerializer(serializers.Serializer):
    """Answered by register and login: the account and a fresh access token."""

    user = UserOutputSerializer()
    token = serializers.CharField()


def auth_data(user: User) -> dict[str, object]:
    return {"user": UserOutputSerializer(user).data, "token": str(AccessToken.for_user(user))}
