"""Add articles.tag_list: each article's tag names as lists show them.

Revision ID: c4d8e2f1a6b3
Revises: b7c1d2e3f4a5
Create Date: 2026-12-07 00:00:00
"""

from collections.abc import Sequence
from itertools import groupby

import sqlalchemy as sa
from alembic import op

revision: str = "c4d8e2f1a6b3"
down_revision: str | None = "b7c1d2e3f4a5"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The tables as this migration knows them, not as the models describe them today.
articles = sa.table("articles", sa.column("id", sa.Integer), sa.column("tag_list", sa.JSON))
article_tags = sa.table("article_tags", sa.column("article_id"), sa.column("tag_id"))
tags = sa.table("tags", sa.column("id"), sa.column("name"))


def upgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.add_column(sa.Column("tag_list", sa.JSON(), nullable=False, server_default="[]"))
    # Articles written before this migration get their tags copied from article_tags,
    # alphabetically, in Python: ordering inside json_group_array needs SQLite 3.44.
    links = op.get_bind().execute(
        sa.select(article_tags.c.article_id, tags.c.name)
        .join(tags, tags.c.id == article_tags.c.tag_id)
        .order_by(article_tags.c.article_id, tags.c.name)
    )
    for article_id, rows in groupby(links.all(), key=lambda row: row.article_id):
        op.execute(
            articles.update()
            .where(articles.c.id == article_id)
            .values(tag_list=[row.name for row in rows])
        )


def downgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("tag_list")
