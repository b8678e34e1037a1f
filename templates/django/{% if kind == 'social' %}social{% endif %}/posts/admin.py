from django.contrib import admin

from social.comments.models import Comment
from social.posts.models import Post


class CommentInline(admin.TabularInline):
    model = Comment
    raw_id_fields = ("author",)
    extra = 0


@admin.register(Post)
class PostAdmin(admin.ModelAdmin):
    list_display = ("__str__", "author", "created_at")
    list_select_related = ("author",)
    search_fields = ("body", "author__username")
    raw_id_fields = ("author",)
    date_hierarchy = "created_at"
    inlines = (CommentInline,)
