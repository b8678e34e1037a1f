"""One line instead of a traceback when PostgreSQL at DATABASE_URL cannot be used."""

from django.db import OperationalError, connection

from core.postgres_problem import connection_problem


def unusable_message(error: BaseException) -> str | None:
    """The line to print when `error` means PostgreSQL cannot be used, else None.

    Django reports a server that is not running, or one that refuses us (a wrong
    password, a missing database), with a long traceback.
    """
    if not isinstance(error, OperationalError) or connection.vendor != "postgresql":
        return None
    return _message(error)


def check_connection() -> str | None:
    """Connect once: the line saying what is wrong when PostgreSQL cannot be used, else None.

    It connects with psycopg itself, not Django's connection: the tests call it before
    pytest-django allows any database access.
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
        return _message(error)
    return None


def _message(error: BaseException) -> str:
    database = connection.settings_dict
    return connection_problem(str(error), database.get("HOST"), database.get("PORT"))
