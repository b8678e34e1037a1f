from django.contrib import admin

from social.comments.models import Comment


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ("__str__", "author", "post", "created_at")
    list_select_related = ("author", "post")
    search_fields = ("body", "author__username")
    raw_id_fields = ("author", "post")
