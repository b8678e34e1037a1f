"""What /api/orders accepts (Input) and returns (Output)."""

from drf_spectacular.utils import extend_schema_serializer
from rest_framework import serializers

from shop.orders.models import Order, OrderItem


class ShippingAddressSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    line1 = serializers.CharField(max_length=200)
    city = serializers.CharField(max_length=100)
    postal_code = serializers.CharField(max_length=20)
    # ISO 3166-1 alpha-2, e.g. "FR", "DE", "GB".
    country = serializers.RegexField(r"^[A-Z]{2}$")


class CheckoutInputSerializer(serializers.Serializer):
    shipping_address = ShippingAddressSerializer()


class PaymentInputSerializer(serializers.Serializer):
    """A token from the provider's card form (sandbox: tok_visa, tok_declined, tok_error)."""

    payment_token = serializers.CharField(max_length=255)


class OrderStatusInputSerializer(serializers.Serializer):
    """ "shipped" is the only status an admin sets by hand; the others follow from events."""

    status = serializers.ChoiceField(["shipped"])


class OrderLineOutputSerializer(serializers.ModelSerializer):
    class Meta:
        model = OrderItem
        fields = ("product_id", "name", "unit_price_cents", "quantity", "line_total_cents")


class OrderOutputSerializer(serializers.ModelSerializer):
    # Read from the prefetched lines: no query per order.
    items = OrderLineOutputSerializer(many=True)
    shipping_address = ShippingAddressSerializer()

    class Meta:
        model = Order
        fields = (
            "id",
            "status",
            "items",
            "total_cents",
            "currency",
            "shipping_address",
            "created_at",
            "updated_at",
        )


# One page is one object: without many=False a list view's answer is documented as a list.
@extend_schema_serializer(many=False)
class OrderPageSerializer(serializers.Serializer):
    items = OrderOutputSerializer(many=True)
    total = serializers.IntegerField()
    page = serializers.IntegerField()
    page_size = serializers.IntegerField()
