"""What /api/cart accepts (Input) and returns (Output)."""

from rest_framework import serializers

MAX_QUANTITY = 10_000


class CartItemAddInputSerializer(serializers.Serializer):
    product_id = serializers.IntegerField(min_value=1, max_value=2**63 - 1)
    quantity = serializers.IntegerField(min_value=1, max_value=MAX_QUANTITY)


class CartItemUpdateInputSerializer(serializers.Serializer):
    """0 removes the line."""

    quantity = serializers.IntegerField(min_value=0, max_value=MAX_QUANTITY)


class CartLineOutputSerializer(serializers.Serializer):
    product_id = serializers.IntegerField()
    name = serializers.CharField()
    unit_price_cents = serializers.IntegerField()
    quantity = serializers.IntegerField()
    line_total_cents = serializers.IntegerField()


class CartOutputSerializer(serializers.Serializer):
    items = CartLineOutputSerializer(many=True)
    subtotal_cents = serializers.IntegerField()
    currency = serializers.CharField()
