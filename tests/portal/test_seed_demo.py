import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from portal import permissions
from portal.models import Role, User

CONTRACT_USERS = [
    "censec-secretariat", "difos-secretariat", "censec-director", "difos-director",
    "censec-board", "difos-observer", "censec-observer", "admin",
]


@pytest.mark.django_db
@override_settings(DEBUG=True)
def test_it_makes_every_demo_user_with_an_email_and_the_password_demo():
    call_command("seed_demo", stdout=open("/dev/null", "w"))
    for username in CONTRACT_USERS:
        user = User.objects.get(username=username)
        assert user.check_password("demo"), username
        assert user.email, username


@pytest.mark.django_db
@override_settings(DEBUG=True)
def test_it_is_idempotent():
    call_command("seed_demo", stdout=open("/dev/null", "w"))
    counts = (User.objects.count(), Role.objects.count())
    call_command("seed_demo", stdout=open("/dev/null", "w"))
    assert (User.objects.count(), Role.objects.count()) == counts


@pytest.mark.django_db
@override_settings(DEBUG=False)
def test_it_refuses_without_debug():
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("seed_demo")
    assert not User.objects.exists()


def test_the_roles_fit_the_contract(demo_users, orgs):
    u = demo_users
    assert permissions.is_secretariat(u["censec-secretariat"], orgs["censec"])
    assert not permissions.is_secretariat(u["censec-secretariat"], orgs["difos"])
    assert permissions.is_director(u["difos-director"], orgs["difos"])
    assert permissions.has_role(u["censec-board"], "board_member", orgs["censec"])
    assert permissions.has_role(u["difos-observer"], "observer", orgs["difos"])
    assert permissions.is_administrator(u["admin"])
    assert not permissions.is_administrator(u["censec-director"])
