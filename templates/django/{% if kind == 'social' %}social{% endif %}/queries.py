"""Query pieces that several apps' selectors share."""

from django.db.models import F, Func, IntegerField, QuerySet, Subquery
from django.db.models.functions import Coalesce


def count_subquery(rows: QuerySet) -> Coalesce:
    """SQL that counts `rows` inside the outer query: (SELECT COUNT(id) FROM ... WHERE ...).

    Used with OuterRef, it gives every row of a list its counts (likes, followers...)
    in the same query as the list itself, instead of one more query per row (the
    "N+1 queries" problem). COUNT is written as a plain Func, not the Count aggregate,
    so that Django adds no GROUP BY to the subquery.
    """
    counted = rows.order_by().annotate(count=Func(F("pk"), function="COUNT")).values("count")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)
