from typing import Any

from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.views import APIView


class IsShopAdmin(BasePermission):
    """Only admins: 401 for anonymous callers (DRF asks them to sign in), 403 for customers."""

    message = "only an admin may do this"

    def has_permission(self, request: Request, view: APIView) -> bool:
        user: Any = request.user
        return user is not None and user.is_shop_admin
