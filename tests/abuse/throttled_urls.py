"""A throttled probe view, so the rate-limit helper is itself proven against DRF's
throttling and our problem handler."""

from django.urls import path
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle
from rest_framework.views import APIView


class ThreePerMinute(AnonRateThrottle):
    rate = "3/min"


class ProbeView(APIView):
    throttle_classes = [ThreePerMinute]

    def post(self, request):
        return Response({"ok": True})


urlpatterns = [path("api/v1/probe/", ProbeView.as_view())]
