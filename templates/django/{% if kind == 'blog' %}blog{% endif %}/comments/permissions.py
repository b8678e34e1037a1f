from typing import Any

from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.views import APIView


class IsCommentAuthor(BasePermission):
    """Only the comment's author may delete it (403 otherwise)."""

    message = "only the author may delete this comment"

    def has_object_permission(self, request: Request, view: APIView, obj: Any) -> bool:
        return request.user is not None and obj.author_id == request.user.pk
