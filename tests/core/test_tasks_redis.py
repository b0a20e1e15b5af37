"""The production path of e-mails, exercised: `send_templated_email` queues the message on RQ
(Redis) once the transaction commits, and an RQ worker delivers it.

Redis must answer (TEST_REDIS_URL, by default database 15 of 127.0.0.1:6379; `.ci/run` starts
one): the test fails rather than skips without it. Each run uses a queue of its own, so that
parallel runs on the same Redis never take each other's jobs."""

from __future__ import annotations

import os
import uuid

import pytest
from django.core import mail

from essaim.core import emails

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


@pytest.fixture
def rq_queue(settings, monkeypatch):  # type: ignore[no-untyped-def]
    """A fresh RQ queue on the test Redis, used by the task backend as production configures it
    (config/settings.py, TASKS_REDIS_URL); removed afterwards."""
    import django_rq
    from redis import Redis
    from redis.exceptions import ConnectionError as RedisConnectionError

    try:
        Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except RedisConnectionError as exc:
        pytest.fail(
            f"Redis ne répond pas sur {REDIS_URL} ({exc}). Lancez-en un : "
            'redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no'
        )
    name = f"essaim-test-{uuid.uuid4().hex[:12]}"
    settings.RQ_QUEUES = {name: {"URL": REDIS_URL}}
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": [name]}}
    # The e-mail task goes to this run's queue instead of the shared "default" one.
    monkeypatch.setattr(emails, "deliver_email", emails.deliver_email.using(queue_name=name))
    queue = django_rq.get_queue(name)
    yield queue
    queue.empty()
    queue.delete(delete_jobs=True)


def run_worker(queue_name: str) -> None:
    """Work the queue until it is empty, as `manage.py rqworker` does (in this process)."""
    import django_rq
    from django_tasks_rq.backend import Job
    from rq import SimpleWorker

    worker = django_rq.get_worker(queue_name, job_class=Job, worker_class=SimpleWorker)
    worker.work(burst=True)


@pytest.mark.django_db
def test_an_e_mail_queued_on_redis_is_delivered_by_an_rq_worker(rq_queue, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        emails.send_templated_email(
            template="emails/password_reset",
            to=["camille@example.org"],
            context={
                "user_name": "Camille",
                "protocol": "https",
                "domain": "essaim.cress.test",
                "uid": "u",
                "token": "t",
            },
        )

    assert rq_queue.count == 1, "the e-mail waits in Redis"
    assert mail.outbox == []

    run_worker(rq_queue.name)

    assert rq_queue.count == 0
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["camille@example.org"]
    assert "Camille" in mail.outbox[0].body
    assert rq_queue.finished_job_registry.count == 1
    assert rq_queue.failed_job_registry.count == 0


@pytest.mark.django_db
def test_nothing_reaches_redis_when_the_transaction_rolls_back(rq_queue, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        emails.send_templated_email(
            template="emails/password_reset",
            to=["camille@example.org"],
            context={
                "user_name": "Camille",
                "protocol": "https",
                "domain": "essaim.cress.test",
                "uid": "u",
                "token": "t",
            },
        )

    assert rq_queue.count == 0


def test_with_tasks_redis_url_the_platform_starts_on_rq_and_offers_the_rq_worker():
    """config/settings.py's own Redis branch: the checks pass and `rqworker` exists."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "TASKS_REDIS_URL": REDIS_URL, "DEBUG": "true", "SECRET_KEY": "test"}
    env.pop("DATABASE_URL", None)
    script = (
        "from django.core.management import call_command, get_commands; call_command('check'); "
        "from django.conf import settings; print(settings.TASKS['default']['BACKEND'], 'rqworker' in get_commands())"
    )
    run = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.split()[-2:] == ["django_tasks_rq.RQBackend", "True"]
