"""What the /categories and /products endpoints accept and return."""

from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

from app.core.schemas import Timestamp, web_url

# The largest value of the shop's INTEGER columns (ids, cents, stock): a bigger number
# in a request is refused (422, or 404 for an id in the path) before the database
# driver, which cannot hold it, fails with a 500.
MAX_INT = 2**31 - 1

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
Slug = Annotated[
    str, StringConstraints(min_length=1, max_length=120, pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
]
ProductName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Description = Annotated[str, StringConstraints(max_length=10_000)]
Currency = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]
Cents = Annotated[int, Field(ge=0, le=MAX_INT)]
Stock = Annotated[int, Field(ge=0, le=MAX_INT)]
Id = Annotated[int, Field(ge=1, le=MAX_INT)]
ImageUrl = Annotated[
    str, StringConstraints(strip_whitespace=True, max_length=2048), AfterValidator(web_url)
]
ProductSort = Literal["price", "-price", "name", "-created_at"]


# Sent to create a category; the slug is made from the name when absent.
class CategoryCreate(BaseModel):
    name: Name
    slug: Slug | None = None


# Sent to change a category: only the fields present are changed.
class CategoryUpdate(BaseModel):
    name: Name | None = None
    slug: Slug | None = None


# A category as the API shows it (alone or inside a product).
class CategoryPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    slug: str


# Sent to create a product.
class ProductCreate(BaseModel):
    name: ProductName
    description: Description = ""
    price_cents: Cents
    currency: Currency
    stock: Stock
    category_id: Id
    image_url: ImageUrl | None = None


# Sent to change a product: only the fields present are changed.
class ProductUpdate(BaseModel):
    name: ProductName | None = None
    description: Description | None = None
    price_cents: Cents | None = None
    currency: Currency | None = None
    stock: Stock | None = None
    category_id: Id | None = None
    image_url: ImageUrl | None = None


# A product as the API shows it.
class ProductPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    slug: str
    description: str
    price_cents: int
    currency: str
    stock: int
    category: CategoryPublic
    image_url: str | None
    created_at: Timestamp
    updated_at: Timestamp


# One page of products, with the total number that match the filters.
class ProductsPage(BaseModel):
    items: list[ProductPublic]
    total: int
    page: int
    page_size: int


# The query string of GET /products, validated in one place (422 on a bad value).
class ProductFilters(BaseModel):
    search: Annotated[str, StringConstraints(strip_whitespace=True, max_length=100)] | None = None
    category: Annotated[str, StringConstraints(max_length=120)] | None = None
    min_price: Cents | None = None
    max_price: Cents | None = None
    in_stock: bool | None = None
    sort: ProductSort = "-created_at"
    page: Annotated[int, Field(ge=1, le=MAX_INT)] = 1
    page_size: Annotated[int, Field(ge=1, le=100)] = 20

    @model_validator(mode="after")
    def check_price_range(self) -> "ProductFilters":
        if (
            self.min_price is not None
            and self.max_price is not None
            and self.min_price > self.max_price
        ):
            raise ValueError("min_price must not be above max_price")
        return self
