"""One line instead of a traceback when PostgreSQL at DATABASE_URL cannot be used.

A server that is not running is the most common first-day problem; a wrong password
or database name is the second. Both come with long tracebacks by default.
"""

import re

START_IT = (
    "start it with `docker compose up -d db`, or set DATABASE_URL to a server that is running"
)
CHECK_URL = "check the user, the password and the database name in DATABASE_URL"


def connection_problem(libpq_error: str, host: str | None, port: int | str | None) -> str:
    """The line to print for a connection that failed with libpq's message `libpq_error`."""
    address = f"{host or 'localhost'}:{port or 5432}"
    # libpq quotes what the server itself said as "FATAL:  ..."; with nobody listening
    # at the address there is no such line.
    refusal = re.search(r"FATAL:\s+(.+)", libpq_error)
    if refusal:
        return f"PostgreSQL at {address} refused the connection: {refusal[1]}; {CHECK_URL}"
    return f"cannot reach PostgreSQL at {address}: {START_IT}"
