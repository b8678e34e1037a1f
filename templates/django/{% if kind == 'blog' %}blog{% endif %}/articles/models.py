from django.conf import settings
from django.db import models


class Tag(models.Model):
    name = models.CharField(max_length=50, unique=True)

    def __str__(self) -> str:
        return self.name


class Article(models.Model):
    # The slug is the article's address (/api/articles/<slug>), made from its title.
    slug = models.SlugField(max_length=255, unique=True)
    title = models.CharField(max_length=200)
    description = models.CharField(max_length=1000)
    body = models.TextField()
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="articles"
    )
    tags = models.ManyToManyField(Tag, related_name="articles", blank=True)
    # Indexed: every list is sorted by it, newest first.
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("-created_at", "-id")

    def __str__(self) -> str:
        return self.title


class Favorite(models.Model):
    """`user` likes `article`: counted in favoritesCount, listed by ?favorited=<username>."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="favorites"
    )
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="favorites")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [  # noqa: RUF012
            models.UniqueConstraint(fields=["user", "article"], name="favorite_once"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} likes {self.article_id}"
