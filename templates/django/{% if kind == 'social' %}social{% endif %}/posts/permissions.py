from typing import Any

from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.views import APIView


class IsAuthor(BasePermission):
    """Only the post's author may delete it (403 for anyone else)."""

    message = "only the author may delete this post"

    def has_object_permission(self, request: Request, view: APIView, obj: Any) -> bool:
        return request.user is not None and obj.author_id == request.user.pk
