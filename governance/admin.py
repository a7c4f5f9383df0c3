from . import contact_admin  # noqa: F401
