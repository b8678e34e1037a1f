from django.urls import path

from shop.cart.api.views import CartItemDetailView, CartItemListView, CartView

urlpatterns = [
    path("cart", CartView.as_view(), name="cart"),
    path("cart/items", CartItemListView.as_view(), name="cart-item-list"),
    path("cart/items/<int:product_id>", CartItemDetailView.as_view(), name="cart-item-detail"),
]
