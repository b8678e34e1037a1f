from typing import Any

from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.views import APIView


class IsCommentOrPostAuthor(BasePermission):
    """A comment may be deleted by its author, or by the author of the post it is under.

    A post's author moderates the conversation under it, so they may remove anyone's
    comment there; nobody else may (403).
    """

    message = "only the comment's author or the post's author may delete it"

    def has_object_permission(self, request: Request, view: APIView, obj: Any) -> bool:
        user = request.user
        return user is not None and user.pk in (obj.author_id, obj.post.author_id)
