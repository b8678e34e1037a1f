"""The admin site's pages for the catalogue: /admin/catalog/.

Admins can also run the catalogue from here: add categories and products, and
restock right in the product list (stock is editable there).
"""

from django.contrib import admin
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest

from shop.catalog.models import Category, Product


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ("name", "slug")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}  # noqa: RUF012


class StockFilter(admin.SimpleListFilter):
    title = "stock"
    parameter_name = "stock"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        return [("out", "Sold out"), ("low", "Low (5 or fewer)")]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Product]) -> QuerySet[Product]:
        if self.value() == "out":
            return queryset.filter(stock=0)
        if self.value() == "low":
            return queryset.filter(stock__gt=0, stock__lte=5)
        return queryset


@admin.register(Product)
class ProductAdmin(admin.ModelAdmin):
    list_display = ("name", "category", "price_cents", "currency", "stock", "created_at")
    list_editable = ("stock",)
    list_select_related = ("category",)
    list_filter = ("category", StockFilter)
    search_fields = ("name", "description", "slug")
    autocomplete_fields = ("category",)
    prepopulated_fields = {"slug": ("name",)}  # noqa: RUF012
    readonly_fields = ("created_at", "updated_at")
    date_hierarchy = "created_at"
    # An image address typed without a scheme ("example.com/mug.png") means https.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}  # noqa: RUF012
