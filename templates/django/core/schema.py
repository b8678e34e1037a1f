"""How the OpenAPI document (drf-spectacular, /api/schema) describes the login token.

OpenAPI's "bearer" scheme allows one word before the token, but RealWorld sends
`Authorization: Token <jwt>` (and this API accepts `Bearer <jwt>` too), so the
header is described as it is: an API key in the Authorization header.
"""

from typing import Any

from drf_spectacular.extensions import OpenApiAuthenticationExtension


class TokenAuthenticationScheme(OpenApiAuthenticationExtension):
    target_class = "rest_framework_simplejwt.authentication.JWTAuthentication"
    name = "Token"
    priority = 1

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "`Token <jwt>`, the token that registering or signing in returns.",
        }
