"""Writes for activity plans: `plans` (plans and activities), `findings` (the checks' findings), `spreadsheets`."""
