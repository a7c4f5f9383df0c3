"""URLs of director contacts (under /governance/contacts/)."""

urlpatterns = []
