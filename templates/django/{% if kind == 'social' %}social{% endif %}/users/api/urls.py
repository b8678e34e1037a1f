from django.urls import path

from social.users.api.views import (
    LoginView,
    MeView,
    MyProfileView,
    ProfileView,
    RegisterView,
    UserSearchView,
)

urlpatterns = [
    path("auth/register", RegisterView.as_view(), name="auth-register"),
    path("auth/login", LoginView.as_view(), name="auth-login"),
    path("auth/me", MeView.as_view(), name="auth-me"),
    path("users", UserSearchView.as_view(), name="user-search"),
    # Before users/<username>, so that "me" is not read as a username.
    path("users/me", MyProfileView.as_view(), name="user-me"),
    path("users/<str:username>", ProfileView.as_view(), name="user-detail"),
]
