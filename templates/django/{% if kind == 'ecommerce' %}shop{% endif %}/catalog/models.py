from django.db import models


class Category(models.Model):
    """A shelf of the shop. The product list filters by its slug (?category=books)."""

    name = models.CharField(max_length=100)
    # unique=True also gives the index that ?category=<slug> looks up.
    slug = models.SlugField(max_length=120, unique=True)

    class Meta:
        ordering = ("name", "id")
        verbose_name_plural = "categories"

    def __str__(self) -> str:
        return self.name


class Product(models.Model):
    """Something for sale. Money is a whole number of cents: floats cannot hold 0.10 exactly."""

    name = models.CharField(max_length=200, db_index=True)
    slug = models.SlugField(max_length=255, unique=True)
    description = models.TextField(blank=True, default="")
    price_cents = models.IntegerField(db_index=True)
    currency = models.CharField(max_length=3)
    # How many can still be sold. Checkout takes from it with one conditional UPDATE
    # (shop/orders/services.py), and the database refuses a negative value anyway.
    stock = models.IntegerField(db_index=True)
    # PROTECT: a category that still has products cannot be deleted by accident.
    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="products")
    image_url = models.URLField(max_length=2048, blank=True, null=True)  # noqa: DJ001
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("-created_at", "-id")
        constraints = [  # noqa: RUF012
            models.CheckConstraint(condition=models.Q(stock__gte=0), name="stock_not_negative"),
            models.CheckConstraint(
                condition=models.Q(price_cents__gte=0), name="price_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return self.name
