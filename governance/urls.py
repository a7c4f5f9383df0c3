from .urls_boards import urlpatterns as board_patterns
from .urls_contacts import urlpatterns as contact_patterns

app_name = "governance"
urlpatterns = [*board_patterns, *contact_patterns]
