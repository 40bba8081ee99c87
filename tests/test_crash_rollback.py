"""Crash and rollback on real transactions: what a failing request or job leaves behind.

Like test_concurrency.py, these tests commit on the database bin/test hands over (Odoo's
own test cursor never commits, so it cannot show what a commit keeps).
"""

import hashlib
import os
import time
from datetime import date, timedelta

import pytest
from realdb import committed, new_user, registry, superuser_env, unique  # noqa: F401

ROWS = 10_000
FAILING_ROW = 7_000


@pytest.fixture(scope="module")
def keeper_file(registry):  # noqa: F811
    """A keeper of customer files and one of his or her files."""

    def setup(env):
        keeper = new_user(env, "cr_import_keeper", "customer_records.group_customer_records_user")
        partner = env["res.partner"].create({"name": unique("Import customer")})
        record = env["customer.file"].with_user(keeper).create({"partner_id": partner.id})
        return keeper.id, record.id

    return committed(registry, setup)


@pytest.mark.parametrize(
    "bad_value",
    [("date", "2026-13-01"), ("amount", "-5")],
    ids=["month-13", "negative-amount"],
)
def test_import_failing_at_row_7000_commits_nothing(registry, keeper_file, bad_value):  # noqa: F811
    """A keeper imports 10,000 transactions; row 7,000 is wrong. The import reports the
    row and, committed as a request would be, writes none of the 10,000."""
    keeper_id, file_id = keeper_file
    reference = unique("IMP")
    columns = ["file_id/.id", "date", "name", "reference", "amount"]
    rows = [[str(file_id), "2026-01-15", f"Order {i}", reference, "100.5"] for i in range(ROWS)]
    column, value = bad_value
    rows[FAILING_ROW - 1][columns.index(column)] = value

    def load(env):
        return env["customer.transaction"].with_user(keeper_id).load(columns, rows)

    result = committed(registry, load)
    errors = [m for m in result["messages"] if m["type"] == "error"]
    assert result["ids"] is False, "the valid rows were imported"
    assert errors and {m["rows"]["from"] for m in errors} == {FAILING_ROW - 1}, errors

    def count(env):
        return env["customer.transaction"].search_count([("reference", "=", reference)])

    assert committed(registry, count) == 0


class Crash(Exception):
    """What goes wrong after the message and the file were written."""


def test_crash_after_message_and_file_leaves_nothing(registry):  # noqa: F811
    """A researcher posts a message with a file on his dossier, then the request fails:
    the message and the attachment are rolled back; the file already written to the
    filestore is left on the garbage-collection checklist and the filestore's
    garbage collection removes it: no orphan file stays."""
    content = f"minutes of the meeting {unique('')}".encode()
    checksum = hashlib.sha1(content).hexdigest()
    marker = unique("crash")

    def setup(env):
        researcher = new_user(
            env, "cr_crash_researcher", "research_archive.group_research_archive_user"
        )
        project = (
            env["research.project"]
            .with_user(researcher)
            .create({"name": marker, "lead_id": researcher.id, "date_start": "2025-09-01"})
        )
        return researcher.id, project.dossier_id.id

    researcher_id, dossier_id = committed(registry, setup)

    paths = {}
    # the cursor rolls its transaction back when the block raises, as a request does
    with pytest.raises(Crash), registry.cursor() as cr:
        env = superuser_env(cr)
        dossier = env["research.dossier"].with_user(researcher_id).browse(dossier_id)
        message = dossier.message_post(body=marker, attachments=[("minutes.txt", content)])
        attachment = message.attachment_ids
        assert attachment.checksum == checksum
        paths["file"] = attachment._full_path(attachment.store_fname)
        paths["checklist"] = attachment._full_path(f"checklist/{attachment.store_fname}")
        cr.flush()
        assert os.path.exists(paths["file"]), "the file is written before the commit"
        raise Crash

    def leftovers(env):
        messages = env["mail.message"].search_count(
            [("model", "=", "research.dossier"), ("res_id", "=", dossier_id)]
            + [("body", "ilike", marker)]
        )
        attachments = env["ir.attachment"].search_count([("checksum", "=", checksum)])
        return messages, attachments

    assert committed(registry, leftovers) == (0, 0)
    assert os.path.exists(paths["checklist"]), "the rolled-back file is not marked for collection"
    committed(registry, lambda env: env["ir.attachment"]._gc_file_store())
    assert not os.path.exists(paths["file"]), "the rolled-back file stays in the filestore"
    assert not os.path.exists(paths["checklist"])


def test_reminder_job_stopped_midway_resumes_without_duplicates(registry):  # noqa: F811
    """The semester round's reminder job runs in batches and commits each one. Stopped
    after its first batch (its time is up, as Odoo stops a cron job), the next run carries
    on where it stopped: every outstanding hand-over ends with exactly one reminder."""
    participants = 5

    def setup(env):
        users = [
            new_user(env, "cr_round_member", "research_archive.group_research_archive_user")
            for _ in range(participants)
        ]
        year = 2200 + int(unique("")[1:], 16) % 700
        rnd = env["research.archive.round"].create(
            {
                "academic_year": f"{year}-{year + 1}",
                # the latest deadline the job reminds of: its hand-overs come first
                "deadline": date.today() + timedelta(days=90),
                "reminder_days": 90,
                "participant_ids": [(6, 0, [u.id for u in users])],
            }
        )
        rnd.action_open()
        return rnd.id, rnd.handover_ids.ids

    round_id, handover_ids = committed(registry, setup)

    def reminders(env):
        activity_type = env.ref("research_archive.mail_activity_type_handover_reminder")
        groups = env["mail.activity"]._read_group(
            [
                ("res_model", "=", "research.handover"),
                ("res_id", "in", handover_ids),
                ("activity_type_id", "=", activity_type.id),
            ],
            ["res_id"],
            ["__count"],
        )
        return {res_id: count for res_id, count in groups}

    def run_out_of_time(env):
        cron = env.ref("research_archive.ir_cron_handover_reminders")
        # the job's time is already up: Odoo's progress API stops it after one batch
        cron = cron.with_context(cron_id=cron.id, cron_end_time=time.monotonic())
        cron, _progress = cron._add_progress()
        env["research.archive.round"].with_context(cron.env.context)._cron_send_reminders(2)

    committed(registry, run_out_of_time)
    assert sorted(committed(registry, reminders).values()) == [1, 1], "not stopped midway"

    committed(registry, lambda env: env["research.archive.round"]._cron_send_reminders(2))
    assert committed(registry, reminders) == dict.fromkeys(handover_ids, 1)
    committed(registry, lambda env: env["research.archive.round"]._cron_send_reminders(2))
    assert committed(registry, reminders) == dict.fromkeys(handover_ids, 1)

    def progress(env):
        rnd = env["research.archive.round"].browse(round_id)
        return rnd.reminder_done, rnd.reminder_total

    assert committed(registry, progress) == (participants, participants)
