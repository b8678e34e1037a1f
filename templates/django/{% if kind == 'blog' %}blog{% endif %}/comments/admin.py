from django.contrib import admin

from blog.comments.models import Comment


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ("id", "article", "author", "created_at")
    list_select_related = ("article", "author")
    search_fields = ("body", "author__username", "article__slug")
    raw_id_fields = ("article", "author")
