"""Views only an admin may use: `admin_required` answers 401 to anonymous callers and
403 to customers, before the view runs (app/core/auth.py loads the caller into g.user).
"""

import functools
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from app.core.auth import current_user
from app.core.errors import PermissionDeniedError
from app.shop.accounts.models import Role

P = ParamSpec("P")
R = TypeVar("R")


def admin_required(view: Callable[P, R]) -> Callable[P, R]:
    """Answer 401 to anonymous callers and 403 to customers, before the view runs."""

    @functools.wraps(view)
    def wrapped_view(*args: P.args, **kwargs: P.kwargs) -> R:
        if current_user().role != Role.ADMIN:
            raise PermissionDeniedError("Only an admin may do this.")
        return view(*args, **kwargs)

    return wrapped_view
