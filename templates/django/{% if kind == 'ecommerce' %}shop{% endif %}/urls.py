"""The shop's endpoints, all under /api (config/api_router.py includes them).

Categories, products and orders are ViewSets on a router; the other apps list their paths
in their api/urls.py. reverse("api:<name>") finds any of them, e.g.
reverse("api:product-detail", args=[product_id]).
"""

from django.urls import include, path
from rest_framework.routers import SimpleRouter

from shop.catalog.api.views import CategoryViewSet, ProductViewSet
from shop.orders.api.views import OrderViewSet

# The API's paths have no trailing slash: /api/products, not /api/products/.
router = SimpleRouter(trailing_slash=False)
router.register("categories", CategoryViewSet, basename="category")
router.register("products", ProductViewSet, basename="product")
router.register("orders", OrderViewSet, basename="order")

urlpatterns = [
    path("", include("shop.accounts.api.urls")),
    path("", include("shop.cart.api.urls")),
    path("", include("shop.payments.api.urls")),
    *router.urls,
]
