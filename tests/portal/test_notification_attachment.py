"""A notification may carry one file (issue 12: meeting invitations); such a message is emailed alone, the file unchanged."""

import datetime as dt
from types import SimpleNamespace

import pytest
from django.core import mail

from portal import notifications

NOTICE = SimpleNamespace(party="DI FOS", given_on=dt.date(2027, 1, 15), ends_on=dt.date(2027, 4, 15), withdrawn_at=None)
ICS = "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n"


def _send(user, key, attachment=None):
    return notifications.notify(
        recipients=[user], kind="test", key=key, template="notice-given", context={"notice": NOTICE}, url="/agreement/",
        attachment=attachment,
    )


@pytest.mark.django_db
def test_a_message_with_a_file_is_emailed_alone_with_the_file_as_written(censec_director):
    with notifications.batch():
        _send(censec_director, "a")
        _send(censec_director, "b")
        _send(censec_director, "c", notifications.Attachment("invitation.ics", ICS, "text/calendar; method=REQUEST"))
    notifications.deliver_pending()
    assert len(mail.outbox) == 2  # "a" and "b" bundled; "c" on its own
    with_file = [m for m in mail.outbox if m.attachments]
    assert len(with_file) == 1
    parts = [p for p in with_file[0].message().walk() if p.get_content_type() == "text/calendar"]
    assert parts and all(p.get_param("method") == "REQUEST" for p in parts)
    assert any(p.get_filename() == "invitation.ics" for p in parts)
    assert all(p.get_payload(decode=True) == ICS.encode() for p in parts)  # CRLF kept


@pytest.mark.django_db
def test_a_message_without_a_file_has_none(censec_director):
    _send(censec_director, "a")
    notifications.deliver_pending()
    (message,) = mail.outbox
    assert message.attachments == []
    assert not [p for p in message.message().walk() if p.get_content_type() == "text/calendar"]
