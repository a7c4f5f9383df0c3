"""Plain-text notifications and emails read as typed; the HTML part stays escaped."""

from portal.models import Notification


def test_plain_text_messages_are_not_html_escaped_and_the_html_part_is(add_activity):
    """A finding on activities whose titles hold quotes, & and <: the notification and the email's text
    read as typed; only the HTML alternative is escaped."""
    from django.core import mail

    from activities.services.findings import check_all, notify_pending_findings
    from portal.notifications import deliver_pending

    title = """Match "making" & 'B2B' <dag>"""
    add_activity("censec", title=title, area="political", row="1.1")
    check_all()
    assert notify_pending_findings() > 0
    note = Notification.objects.filter(kind="activity_finding").first()
    for text in (note.body, note.subject):
        assert "&quot;" not in text and "&#x27;" not in text and "&amp;" not in text and "&lt;" not in text
    assert title in note.body
    assert "&quot;making&quot;" in note.body_html or "&#x27;B2B&#x27;" in note.body_html
    deliver_pending(now=note.email_due_at)  # findings come in the daily digest by default
    message = next(m for m in mail.outbox if m.to == [note.recipient.email])
    assert title in message.body and "&quot;" not in message.subject
    assert "&lt;dag&gt;" in message.alternatives[0].content
