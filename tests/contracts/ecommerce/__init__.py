"""The e-commerce black-box HTTP suite, written from ../shared/contracts/ecommerce.md alone."""
