import time

from celery import Celery

from portal.queue import enqueue_on_commit, send_now


def test_a_broker_that_is_down_never_fails_the_caller(db, django_capture_on_commit_callbacks):
    app = Celery("probe", broker="redis://127.0.0.1:1/0")
    app.conf.broker_transport_options = {"socket_connect_timeout": 1, "socket_timeout": 1, "max_retries": 0}
    app.conf.broker_connection_timeout = 1

    @app.task(name="probe.noop")
    def noop():
        pass

    started = time.monotonic()
    assert send_now(noop) is False
    with django_capture_on_commit_callbacks(execute=True):
        enqueue_on_commit(noop)
    assert time.monotonic() - started < 5
