"""One line instead of a traceback when no PostgreSQL server answers at DATABASE_URL."""

from django.db import OperationalError, connection

HINT = "start it with `docker compose up -d db`, or set DATABASE_URL to a server that is running"


def unreachable_message(error: BaseException) -> str | None:
    """The line to print when `error` means that no server answered, else None.

    A server that is not running is the most common first-day problem, and Django
    reports it with a long traceback. Errors that the server itself sent (a wrong
    password, a missing database) pass through unchanged.
    """
    if not isinstance(error, OperationalError) or connection.vendor != "postgresql":
        return None
    return None if _server_answered(error) else _message()


def check_reachable() -> str | None:
    """Connect once: the line naming the address when no server answers, else None.

    It connects with psycopg itself, not Django's connection: the tests call it before
    pytest-django allows any database access. An error that the server sent is left
    for the command itself to report.
    """
    if connection.vendor != "postgresql":
        return None
    import psycopg

    database = connection.settings_dict
    try:
        psycopg.connect(
            host=database["HOST"] or None,
            port=database["PORT"] or None,
            dbname=database["NAME"],
            user=database["USER"],
            password=database["PASSWORD"],
            connect_timeout=10,
        ).close()
    except psycopg.OperationalError as error:
        if not _server_answered(error):
            return _message()
    return None


def _server_answered(error: BaseException) -> bool:
    # libpq quotes a refusal from the server itself as "FATAL:  ..." (a wrong password, a
    # missing database); with nobody listening there is no such line.
    return "FATAL:" in str(error)


def _message() -> str:
    host = connection.settings_dict.get("HOST") or "localhost"
    port = connection.settings_dict.get("PORT") or 5432
    return f"cannot reach PostgreSQL at {host}:{port}: {HINT}"
