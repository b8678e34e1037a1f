"""A system check (`manage.py check`, run by `migrate` too): the shop's currency is valid.

https://docs.djangoproject.com/en/5.2/topics/checks/
"""

import re
from typing import Any

from django.conf import settings
from django.core.checks import Error, register


@register()
def check_shop_currency(app_configs: Any, **kwargs: Any) -> list[Error]:
    if re.fullmatch(r"[A-Z]{3}", settings.SHOP_CURRENCY):
        return []
    return [
        Error(
            f"SHOP_CURRENCY is {settings.SHOP_CURRENCY!r}, not an ISO 4217 code.",
            hint="Use three capital letters, e.g. EUR or USD.",
            id="catalog.E001",
        )
    ]
