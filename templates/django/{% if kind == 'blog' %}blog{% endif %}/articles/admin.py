from django.contrib import admin

from blog.articles.models import Article, Favorite, Tag


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ("title", "author", "created_at")
    list_select_related = ("author",)
    list_filter = ("tags",)
    search_fields = ("title", "slug", "author__username")
    raw_id_fields = ("author",)
    filter_horizontal = ("tags",)
    date_hierarchy = "created_at"


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    search_fields = ("name",)


@admin.register(Favorite)
class FavoriteAdmin(admin.ModelAdmin):
    list_display = ("user", "article", "created_at")
    list_select_related = ("user", "article")
    raw_id_fields = ("user", "article")
