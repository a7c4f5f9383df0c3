"""Director contacts, action items and the monthly-contact record (§5 C-MONTHLY)."""
