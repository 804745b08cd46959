from django.urls import path

from . import views

urlpatterns = [
    path(
        "subscriptions/",
        views.SubscribeView.as_view(),
        name="api-subscriptions",
    ),
    path(
        "subscriptions/confirm/",
        views.ConfirmView.as_view(),
        name="api-subscriptions-confirm",
    ),
    path(
        "subscriptions/unsubscribe/",
        views.UnsubscribeView.as_view(),
        name="api-subscriptions-unsubscribe",
    ),
    path(
        "subscriptions/tracking/",
        views.TrackingChoiceView.as_view(),
        name="api-subscriptions-tracking",
    ),
    path(
        "subscriptions/t/open/<str:token>.gif",
        views.OpenPixelView.as_view(),
        name="api-subscriptions-open",
    ),
    path(
        "subscriptions/t/click/<str:token>",
        views.ClickView.as_view(),
        name="api-subscriptions-click",
    ),
    path(
        "me/subscriptions/",
        views.MySubscriptionView.as_view(),
        name="api-me-subscriptions",
    ),
]
