"""URLs of boards, meetings and materials (under /governance/)."""

urlpatterns = []
