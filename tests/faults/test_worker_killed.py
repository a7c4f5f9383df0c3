"""A worker killed in the middle of sending reminders: after a restart each has gone out exactly once.

The worker talks SMTP to a sink of the test's own, which holds the third connection before its
greeting. The test kills the worker (SIGKILL) exactly then: two messages delivered and marked sent,
the third claimed and waiting on the mail server, three more pending. A new worker finishes the
delivery nudges left in the queue, and the delivery sweep (what beat runs every two minutes) takes
the orphaned claim once PORTAL_EMAIL_CLAIM_SECONDS have passed.
"""

import email
import email.policy
import socketserver
import threading
import time
from collections import Counter

import pytest

from coordination import tasks
from portal.celery import app
from portal.models import Notification, OutgoingEmail
from portal.tasks import deliver_pending_notifications
from tests.coordination.contacts_factory import agreement_loaded, local
from tests.celery_worker import require_services, running_worker, wait_until_settled

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]
CLAIM_SECONDS = 2
HOLD = 3  # the connection the worker is killed on


class SmtpSink(socketserver.ThreadingTCPServer):
    """A loopback mail server that records (recipient, subject) of every message it accepts."""

    daemon_threads = True

    def __init__(self, *, hold: int):
        super().__init__(("127.0.0.1", 0), SmtpSession)
        self.received: list[tuple[str, str]] = []
        self.connections = 0
        self.hold = hold
        self.holding = threading.Event()
        self.released = threading.Event()
        self.lock = threading.Lock()

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.server_address[1]}"


class SmtpSession(socketserver.StreamRequestHandler):
    """Just enough SMTP for smtplib: greeting, EHLO, MAIL, RCPT, DATA, QUIT."""

    def reply(self, line: str) -> None:
        self.wfile.write(f"{line}\r\n".encode())

    def handle(self) -> None:
        sink = self.server
        with sink.lock:
            sink.connections += 1
            number = sink.connections
        if number == sink.hold:
            sink.holding.set()
            sink.released.wait()
        try:
            self.converse(sink)
        except OSError:  # the held connection's client was killed
            pass

    def converse(self, sink: SmtpSink) -> None:
        self.reply("220 sink ESMTP")
        recipients = []
        while line := self.rfile.readline():
            command = line.decode().strip()
            verb = command[:4].upper()
            if verb == "RCPT":
                recipients.append(command.split(":", 1)[1].strip(" <>"))
            if verb == "DATA":
                self.reply("354 go ahead")
                data = b"".join(iter(self.rfile.readline, b".\r\n"))
                subject = email.message_from_bytes(data, policy=email.policy.default)["subject"]
                with sink.lock:
                    sink.received += [(to, str(subject)) for to in recipients]
                self.reply("250 accepted")
            elif verb == "QUIT":
                self.reply("221 bye")
                return
            else:
                self.reply("250 ok")


@pytest.fixture
def sink():
    server = SmtpSink(hold=HOLD)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.released.set()
    server.shutdown()
    server.server_close()


@pytest.fixture
def broker():
    require_services()
    app.control.purge()  # leftovers of earlier tests are not this test's messages
    yield
    # The killed worker's message stays "unacked" in Redis until the visibility timeout (an hour);
    # it must not be redelivered into a later run's database.
    with app.connection_for_write() as conn:
        conn.default_channel.client.delete("unacked", "unacked_index")


def test_a_worker_killed_mid_send_leaves_each_reminder_sent_exactly_once(
    broker, sink, censec_director, difos_director, censec_secretariat, difos_secretariat
):
    env = {"EMAIL_URL": sink.url, "PORTAL_EMAIL_CLAIM_SECONDS": str(CLAIM_SECONDS)}
    agreement_loaded(local(2026, 1, 1))  # the portal was in use in October (the monthly rule starts at the load)
    with running_worker(**env) as worker:
        # October without contact (four "missed" messages) and 20 November without (two reminders).
        app.send_task(tasks.check_contact.name, kwargs={"today": "2026-11-20"})
        assert sink.holding.wait(timeout=60), "the worker never reached the third message"
        worker.kill()
        worker.wait()
    sink.released.set()
    # Six messages to four people make four emails (each director's two come as one).
    assert len(sink.received) == HOLD - 1
    assert OutgoingEmail.objects.filter(sent_at__isnull=False).count() == HOLD - 1
    held = OutgoingEmail.objects.get(sent_at__isnull=True)  # the one waiting on the mail server
    assert set(held.notifications.values_list("email_status", flat=True)) == {"sending"}
    orphan = held.notifications.first()

    with running_worker(**env):
        time.sleep(CLAIM_SECONDS)
        app.send_task(deliver_pending_notifications.name)  # beat's delivery sweep
        wait_until_settled(6)

    sent = Counter(sink.received)
    expected = Counter(OutgoingEmail.objects.values_list("recipient__email", "subject"))
    assert sent == expected and set(sent.values()) == {1}, sent
    assert len(sent) == 4 and set(Notification.objects.values_list("email_status", flat=True)) == {"sent"}
    orphan.refresh_from_db()
    assert (orphan.email_status, orphan.email_attempts) == ("sent", 2)
