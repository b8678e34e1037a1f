"""Password hashing (argon2) and access tokens (JWT), independent of any model."""

from datetime import UTC, datetime, timedelta

import jwt
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from app.core.config import settings

JWT_ALGORITHM = "HS256"


def _build_password_hasher() -> PasswordHasher:
    # argon2 is slow on purpose, to make guessing stolen hashes expensive. The tests
    # hash hundreds of passwords, so they use the cheapest parameters argon2 allows.
    if settings.APP_ENV == "test":
        return PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    return PasswordHasher()


password_hasher = _build_password_hasher()

# Verified against when the account does not exist, so that "unknown e-mail" takes
# as long as "wrong password" and response times do not reveal who has an account.
_DUMMY_HASH = password_hasher.hash("dummy password for timing")


def hash_password(password: str) -> str:
    return password_hasher.hash(password)


def verify_password(password: str, password_hash: str | None) -> bool:
    """Whether the password matches the hash. No hash (no such user) never matches."""
    try:
        password_hasher.verify(password_hash or _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        return False
    return password_hash is not None


def create_access_token(subject: str) -> str:
    now = datetime.now(UTC)
    claims = {
        "sub": subject,
        "iat": now,
        "exp": now + timedelta(minutes=settings.ACCESS_TOKEN_EXPIRE_MINUTES),
    }
    return jwt.encode(claims, settings.SECRET_KEY, algorithm=JWT_ALGORITHM)


def read_access_token(token: str) -> str | None:
    """The token's subject, or None if the token is forged, expired or malformed."""
    try:
        claims = jwt.decode(
            token, settings.SECRET_KEY, algorithms=[JWT_ALGORITHM], options={"require": ["sub"]}
        )
    except jwt.PyJWTError:
        return None
    subject = claims["sub"]
    return subject if isinstance(subject, str) else None
