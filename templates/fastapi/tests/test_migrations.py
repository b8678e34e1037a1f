"""The migrations build exactly the schema that the models describe."""

from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext

from app.core.db import Base, build_engine

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def test_migrations_match_the_models(tmp_path: Path) -> None:
    engine = build_engine(f"sqlite:///{tmp_path / 'migrated.db'}")
    config = Config(str(PROJECT_ROOT / "alembic.ini"))

    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)

    assert differences == [], "run: make migration m='describe the change'"


def test_migrations_can_be_undone(tmp_path: Path) -> None:
    engine = build_engine(f"sqlite:///{tmp_path / 'migrated.db'}")
    config = Config(str(PROJECT_ROOT / "alembic.ini"))

    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
        command.downgrade(config, "base")
        tables = connection.dialect.get_table_names(connection)

    assert tables == ["alembic_version"]
