from django.urls import path

from shop.payments.api.views import WebhookView

urlpatterns = [
    path("payments/webhook", WebhookView.as_view(), name="payment-webhook"),
]
