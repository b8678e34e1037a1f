from django.urls import path

from blog.users.api.views import CurrentUserView, UserLoginView, UserRegistrationView

urlpatterns = [
    path("users", UserRegistrationView.as_view(), name="user-register"),
    path("users/login", UserLoginView.as_view(), name="user-login"),
    path("user", CurrentUserView.as_view(), name="user-current"),
]
