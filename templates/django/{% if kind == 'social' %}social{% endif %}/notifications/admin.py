from django.contrib import admin

from social.notifications.models import Notification


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ("recipient", "type", "actor", "post", "read", "created_at")
    list_select_related = ("recipient", "actor", "post")
    list_filter = ("type", "read")
    search_fields = ("recipient__username", "actor__username")
    raw_id_fields = ("recipient", "actor", "post")
