"""Concurrency: two real transactions at once, as two users or two workers of a server.

Each test commits its own records (names unique to the run) on the database bin/test hands
over, then races two transactions whose snapshots are taken before either acts. A step that
loses on a serialization failure is acceptable where the test says so: exactly one side
wins and the data stay consistent.
"""

from datetime import date, timedelta

import pytest
from realdb import committed, is_concurrency_error, new_user, race, registry, unique  # noqa: F401

GAS = "gas_contracts.group_gas_"
RA = "research_archive.group_research_archive_"
CR = "customer_records.group_customer_records_"


def _approved_messages(env, model, res_id, label="Approved"):
    """State changes to approved logged on the record (tracking values)."""
    return env["mail.tracking.value"].search_count(
        [
            ("mail_message_id.model", "=", model),
            ("mail_message_id.res_id", "=", res_id),
            ("field_id.name", "=", "state"),
            ("new_value_char", "=", label),
        ]
    )


# ------------------------------------------------------------------ gas contract tiers


@pytest.fixture(scope="module")
def gas(registry):  # noqa: F811
    """A drafter, two market managers, a general manager, and a second tier (general
    manager) for the contracts of this module only, next to the market manager's tier."""

    def setup(env):
        users = {
            "staff": new_user(env, "cc_staff", GAS + "contracts_user"),
            "market": new_user(env, "cc_market", GAS + "market_manager"),
            "market2": new_user(env, "cc_market2", GAS + "market_manager"),
            "gm": new_user(env, "cc_gm", GAS + "general_manager"),
        }
        title = unique("Concurrency two tiers")
        tier = env["tier.definition"].create(
            {
                "name": title,
                "model_id": env["ir.model"]._get_id("gas.contract"),
                "review_type": "group",
                "reviewer_group_id": env.ref(GAS + "general_manager").id,
                "definition_domain": repr([("title", "=", title)]),
                "sequence": 20,
                "exclude_requester": True,
                "company_id": False,
            }
        )
        return {k: v.id for k, v in users.items()}, title, tier.id

    users, title, tier_id = committed(registry, setup)
    yield users, title
    committed(registry, lambda env: env["tier.definition"].browse(tier_id).action_archive())


def _submitted_contract(reg, users, title):
    """A commercial installation drafted and submitted by staff; its id."""

    def make(env):
        staff = env["res.users"].browse(users["staff"])
        contract = (
            env["gas.contract"]
            .with_user(staff)
            .create(
                {
                    "title": title,
                    "type_id": env.ref("gas_contracts.contract_type_installation").id,
                    "partner_id": env["res.partner"].create({"name": unique("Gas user")}).id,
                    "user_category": "commercial",
                    "contract_date": date(2026, 3, 1),
                }
            )
        )
        # the budget department's amount makes up whatever the standard leaves
        contract.with_env(env).budget_amount = 1000.0
        contract.with_env(env).charged_amount = contract.with_env(env).expected_amount
        contract.with_user(staff).action_submit()
        return contract.id

    return committed(reg, make)


def _validate(user_id, contract_id):
    def step(env):
        contract = env["gas.contract"].with_user(user_id).browse(contract_id)
        contract.validate_tier()

    return step


def test_two_tiers_approved_at_once(registry, gas):  # noqa: F811
    """The market manager and the general manager approve their tiers at the same moment:
    both decisions are kept, the contract is approved once, with one state message."""
    users, title = gas
    contract_id = _submitted_contract(registry, users, title)

    def check_routing(env):
        reviews = env["gas.contract"].browse(contract_id).review_ids
        assert len(reviews) == 2 and set(reviews.mapped("status")) == {"pending"}

    committed(registry, check_routing)

    outcomes = race(
        registry,
        _validate(users["market"], contract_id),
        _validate(users["gm"], contract_id),
        retry=True,  # as the JSON-2 API and the web client run them
    )
    assert [kind for kind, _ in outcomes] == ["ok", "ok"], outcomes

    def check(env):
        contract = env["gas.contract"].browse(contract_id)
        reviews = contract.review_ids
        assert sorted(reviews.mapped("status")) == ["approved", "approved"]
        assert set(reviews.done_by.ids) == {users["market"], users["gm"]}
        assert contract.state == "approved", "both tiers approved, the contract did not advance"
        assert _approved_messages(env, "gas.contract", contract_id) == 1

    committed(registry, check)


def test_same_tier_approved_twice_at_once(registry, gas):  # noqa: F811
    """Two market managers approve the same review at once: one decision is recorded."""
    users, _title = gas
    contract_id = _submitted_contract(registry, users, unique("Concurrency one tier"))
    outcomes = race(
        registry,
        _validate(users["market"], contract_id),
        _validate(users["market2"], contract_id),
        retry=True,
    )
    kinds = sorted(kind for kind, _ in outcomes)
    assert kinds == ["error", "ok"], outcomes
    error = next(exc for kind, exc in outcomes if kind == "error")
    assert type(error).__name__ == "UserError", repr(error)
    winner = users["market"] if outcomes[0][0] == "ok" else users["market2"]

    def check(env):
        contract = env["gas.contract"].browse(contract_id)
        assert len(contract.review_ids) == 1
        assert contract.review_ids.status == "approved"
        assert contract.review_ids.done_by.id == winner
        assert contract.state == "approved"
        assert _approved_messages(env, "gas.contract", contract_id) == 1

    committed(registry, check)


# ------------------------------------------------------------------ customer file tiers


@pytest.fixture(scope="module")
def customer(registry):  # noqa: F811
    """A keeper, two sales directors, a general manager, and a second tier (general
    manager) for the files of this module's two-tier customer only."""

    def setup(env):
        users = {
            "keeper": new_user(env, "cc_keeper", CR + "user"),
            "director": new_user(env, "cc_director", CR + "director"),
            "director2": new_user(env, "cc_director2", CR + "director"),
            "gm": new_user(env, "cc_cr_gm", CR + "manager"),
        }
        two_tier_name = unique("Two-tier customer")
        tier = env["tier.definition"].create(
            {
                "name": two_tier_name,
                "model_id": env["ir.model"]._get_id("customer.file"),
                "review_type": "group",
                "reviewer_group_id": env.ref(CR + "manager").id,
                "definition_domain": repr([("name", "=", two_tier_name)]),
                "sequence": 20,
                "exclude_requester": True,
                "company_id": False,
            }
        )
        return {k: v.id for k, v in users.items()}, two_tier_name, tier.id

    users, two_tier_name, tier_id = committed(registry, setup)
    yield dict(users, two_tier_name=two_tier_name)
    committed(registry, lambda env: env["tier.definition"].browse(tier_id).action_archive())


def _requested_file(reg, users, name=None):
    def make(env):
        keeper = env["res.users"].browse(users["keeper"])
        partner = env["res.partner"].create(
            {"name": name or unique("Customer"), "is_company": True}
        )
        record = (
            env["customer.file"]
            .with_user(keeper)
            .create({"partner_id": partner.id, "credit_rating": "b"})
        )
        record.with_user(keeper).request_validation()
        return record.id

    return committed(reg, make)


def _validate_file(user_id, file_id):
    def step(env):
        env["customer.file"].with_user(user_id).browse(file_id).validate_tier()

    return step


def test_customer_file_two_tiers_approved_at_once(registry, customer):  # noqa: F811
    """The sales director and the general manager approve their tiers of one file at the
    same moment: both kept, the file is approved once, with one state message."""
    file_id = _requested_file(registry, customer, name=customer["two_tier_name"])
    outcomes = race(
        registry,
        _validate_file(customer["director"], file_id),
        _validate_file(customer["gm"], file_id),
        retry=True,
    )
    assert [kind for kind, _ in outcomes] == ["ok", "ok"], outcomes

    def check(env):
        record = env["customer.file"].browse(file_id)
        assert record.review_ids.mapped("status") == ["approved", "approved"]
        assert set(record.review_ids.done_by.ids) == {customer["director"], customer["gm"]}
        assert record.state == "approved", "both tiers approved, the file did not advance"
        assert _approved_messages(env, "customer.file", file_id) == 1

    committed(registry, check)


def test_customer_file_approved_twice_at_once(registry, customer):  # noqa: F811
    """Two sales directors approve one customer file at once: one approval is recorded."""
    file_id = _requested_file(registry, customer)
    outcomes = race(
        registry,
        _validate_file(customer["director"], file_id),
        _validate_file(customer["director2"], file_id),
        retry=True,
    )
    assert sorted(kind for kind, _ in outcomes) == ["error", "ok"], outcomes

    def check(env):
        record = env["customer.file"].browse(file_id)
        assert record.review_ids.status == "approved"
        assert len(record.review_ids.done_by) == 1
        assert record.state == "approved"
        assert _approved_messages(env, "customer.file", file_id) == 1

    committed(registry, check)


# ------------------------------------------------------------------ research archive


@pytest.fixture(scope="module")
def archive(registry):  # noqa: F811
    def setup(env):
        users = {
            "researcher": new_user(env, "cc_researcher", RA + "user"),
            "room": new_user(env, "cc_room", RA + "room"),
            "room2": new_user(env, "cc_room2", RA + "room"),
        }
        return {k: v.id for k, v in users.items()}

    return committed(registry, setup)


def _submitted_dossier(env, users):
    """A complete project dossier, with a file per document, handed in; the dossier."""
    import base64

    researcher = env["res.users"].browse(users["researcher"])
    project = (
        env["research.project"]
        .with_user(researcher)
        .create(
            {
                "name": unique("Concurrency project"),
                "lead_id": researcher.id,
                "date_start": "2025-09-01",
            }
        )
    )
    dossier = project.dossier_id
    types = env["research.document.type"].search(
        [("mandatory", "=", True), ("category_id", "=", dossier.category_id.id)]
    )
    documents = (
        env["research.document"]
        .with_user(researcher)
        .create(
            [
                {
                    "dossier_id": dossier.id,
                    "type_id": doc_type.id,
                    "name": doc_type.name,
                    "date": "2025-10-01",
                    "responsible": "Li Ming",
                    "page_count": 1,
                }
                for doc_type in types
            ]
        )
    )
    env["ir.attachment"].with_user(researcher).create(
        [
            {
                "name": f"{doc.id}.txt",
                "res_model": "research.document",
                "res_id": doc.id,
                "datas": base64.b64encode(f"document {doc.id}".encode()),
            }
            for doc in documents
        ]
    )
    dossier.with_user(researcher).action_submit()
    return dossier


def _serial(number):
    return int(number.rsplit("-", 1)[-1])


def test_archive_numbers_at_once_are_unique_and_gap_free(registry, archive):  # noqa: F811
    """Two archive-room clerks archive two dossiers of one series at once while a third
    archiving fails after drawing its number: two distinct consecutive serials."""

    def make(env):
        return [_submitted_dossier(env, archive).id for _ in range(3)]

    ids = committed(registry, make)

    def accept(user_id, dossier_id, fail=False):
        def step(env):
            env["research.dossier"].with_user(user_id).browse(dossier_id).action_accept_archive()
            if fail:
                raise RuntimeError("the archiving crashed after numbering")

        return step

    outcomes = race(
        registry,
        accept(archive["room"], ids[0]),
        accept(archive["room2"], ids[1]),
        accept(archive["room"], ids[2], fail=True),
        retry=True,
    )
    assert [kind for kind, _ in outcomes] == ["ok", "ok", "error"], outcomes

    def check(env):
        dossiers = env["research.dossier"].browse(ids)
        assert dossiers.mapped("state") == ["archived", "archived", "submitted"]
        assert not dossiers[2].archive_number
        serials = sorted(_serial(n) for n in dossiers[:2].mapped("archive_number"))
        assert serials[1] == serials[0] + 1, serials
        counter = env["research.archive.counter"].search(
            [
                ("company_id", "=", dossiers[0].company_id.id),
                ("category_id", "=", dossiers[0].category_id.id),
                ("year", "=", dossiers[0].year),
                ("retention", "=", dossiers[0].retention),
            ]
        )
        assert counter.last_serial == serials[1], "a failed archiving kept its serial"

    committed(registry, check)


def _edit_dossier_field(user_id, dossier_id):
    def step(env):
        env["research.dossier"].with_user(user_id).browse(dossier_id).write(
            {"remarks": "edited while the archive room accepts it"}
        )

    return step


def _attach_to_document(user_id, dossier_id):
    import base64

    def step(env):
        document = env["research.dossier"].browse(dossier_id).document_ids[:1]
        env["ir.attachment"].with_user(user_id).create(
            {
                "name": "late.txt",
                "res_model": "research.document",
                "res_id": document.id,
                "datas": base64.b64encode(b"a page filed at the last second"),
            }
        )

    return step


@pytest.mark.parametrize("edit", [_edit_dossier_field, _attach_to_document])
def test_dossier_edited_while_archived(registry, archive, edit):  # noqa: F811
    """The researcher changes the dossier while the archive room archives it: one side
    fails, and the dossier is either not archived at all or archived with everything it
    holds fingerprinted (nothing half-archived)."""
    dossier_id = committed(registry, lambda env: _submitted_dossier(env, archive).id)

    def accept(env):
        env["research.dossier"].with_user(archive["room"]).browse(
            dossier_id
        ).action_accept_archive()

    outcomes = race(registry, accept, edit(archive["researcher"], dossier_id))
    failures = [exc for kind, exc in outcomes if kind == "error"]
    assert len(failures) == 1, outcomes
    assert is_concurrency_error(failures[0]) or type(failures[0]).__name__ == "UserError", repr(
        failures[0]
    )

    def check(env):
        dossier = env["research.dossier"].browse(dossier_id)
        attachments = dossier._get_sealed_attachments()
        if dossier.state == "archived":
            assert outcomes[0][0] == "ok"
            assert dossier.archive_number
            assert set(dossier.checksum_ids.attachment_id.ids) == set(attachments.ids)
        else:
            assert outcomes[0][0] == "error"
            assert dossier.state == "submitted"
            assert not dossier.archive_number and not dossier.checksum_ids

    committed(registry, check)


# ------------------------------------------------------------------ scheduled jobs


def _run_cron_as_worker(cron_id):
    """One cron worker's pass over the job, as odoo's cron thread runs it."""

    def step(env):
        env.registry["ir.cron"]._process_jobs_loop(env.cr, job_ids=[cron_id])

    return step


def _make_ready(env, xmlid):
    cron = env.ref(xmlid)
    cron.write({"nextcall": env.cr.now() - timedelta(minutes=1), "active": True})
    return cron.id


def _twice_at_once_then_again(reg, xmlid):
    """Two cron workers take the job at the same moment, then it is run by hand again."""
    cron_id = committed(reg, lambda env: _make_ready(env, xmlid))
    outcomes = race(reg, _run_cron_as_worker(cron_id), _run_cron_as_worker(cron_id))
    assert [kind for kind, _ in outcomes] == ["ok", "ok"], outcomes

    def check_ran(env):
        cron = env["ir.cron"].browse(cron_id)
        assert cron.nextcall > env.cr.now(), "no worker ran the job"

    committed(reg, check_ran)
    # "Run manually" in the form: Odoo lets it run again right away
    committed(reg, lambda env: env["ir.cron"].browse(cron_id).method_direct_trigger())


def _activities(env, model, res_id, activity_type):
    return env["mail.activity"].search_count(
        [
            ("res_model", "=", model),
            ("res_id", "=", res_id),
            ("activity_type_id", "=", activity_type.id),
        ]
    )


def test_file_review_job_by_two_workers(registry, customer):  # noqa: F811
    """Files overdue for review are flagged and their keeper gets one to-do, not two."""

    def make(env):
        partner = env["res.partner"].create({"name": unique("Overdue customer")})
        record = env["customer.file"].create(
            {"partner_id": partner.id, "keeper_id": customer["keeper"]}
        )
        record.write({"last_review_date": date.today() - timedelta(days=3650)})
        return record.id

    file_id = committed(registry, make)
    _twice_at_once_then_again(registry, "customer_records.ir_cron_customer_file_review")

    def check(env):
        record = env["customer.file"].browse(file_id)
        assert record.review_overdue
        todo = env.ref("mail.mail_activity_data_todo")
        assert _activities(env, "customer.file", file_id, todo) == 1

    committed(registry, check)


def test_grant_expiry_job_by_two_workers(registry, customer):  # noqa: F811
    """An access grant past its end expires once: one state change, one message."""

    def make(env):
        partner = env["res.partner"].create({"name": unique("Granted customer")})
        env["customer.file"].create({"partner_id": partner.id, "keeper_id": customer["keeper"]})
        grant = env["customer.access.grant"].create(
            {
                "requester_id": customer["keeper"],
                "partner_ids": [(6, 0, partner.ids)],
                "purpose": "audit",
                "date_from": date.today(),
                "date_to": date.today() + timedelta(days=5),
            }
        )
        # as the superuser: the data of the test (a grant whose period has just ended)
        grant.write({"state": "requested"})
        grant.write({"state": "approved"})
        grant.write(
            {
                "date_from": date.today() - timedelta(days=30),
                "date_to": date.today() - timedelta(days=1),
            }
        )
        return grant.id

    grant_id = committed(registry, make)
    _twice_at_once_then_again(registry, "customer_records.ir_cron_customer_access_grant_expire")

    def check(env):
        assert env["customer.access.grant"].browse(grant_id).state == "expired"
        assert _approved_messages(env, "customer.access.grant", grant_id, "Expired") == 1

    committed(registry, check)


def test_handover_reminder_job_by_two_workers(registry, archive):  # noqa: F811
    """An outstanding hand-over near its round's deadline gets one reminder, not two."""

    def make(env):
        year = 2200 + int(unique("")[1:], 16) % 700
        rnd = env["research.archive.round"].create(
            {
                "academic_year": f"{year}-{year + 1}",
                "term": "1",
                "deadline": date.today() + timedelta(days=3),
                "reminder_days": 7,
                "participant_ids": [(6, 0, [archive["researcher"]])],
            }
        )
        rnd.action_open()
        return rnd.handover_ids.id

    handover_id = committed(registry, make)
    _twice_at_once_then_again(registry, "research_archive.ir_cron_handover_reminders")

    def check(env):
        reminder = env.ref("research_archive.mail_activity_type_handover_reminder")
        assert _activities(env, "research.handover", handover_id, reminder) == 1

    committed(registry, check)


def test_settlement_run_job_by_two_workers(registry):  # noqa: F811
    """A queued take-or-pay settlement run is settled once: one settlement, counted once."""

    def make(env):
        finance = new_user(env, "cc_finance", GAS + "finance")
        contract = env.ref("gas_contracts.contract_take_or_pay_demo")
        year = 2030 + int(unique("")[1:], 16) % 60
        run = env["gas.top.settle.run"].with_user(finance)._queue(contract, year)
        return run.id, contract.id, year

    run_id, contract_id, year = committed(registry, make)
    _twice_at_once_then_again(registry, "gas_contracts.ir_cron_top_settle_runs")

    def check(env):
        run = env["gas.top.settle.run"].browse(run_id)
        assert (run.state, run.contract_done, run.contract_count) == ("done", 1, 1)
        settlements = env["gas.top.settlement"].search(
            [("contract_id", "=", contract_id), ("year", "=", year)]
        )
        assert len(settlements) == 1
        assert run.settlement_ids == settlements

    committed(registry, check)


def test_register_export_job_by_two_workers(registry):  # noqa: F811
    """A queued contract register export is written once: one file, one note."""

    def make(env):
        staff = new_user(env, "cc_export_staff", GAS + "contracts_user")
        contracts = env["gas.contract"].with_user(staff).search([], limit=3)
        run = env["gas.export.run"].with_user(staff)._queue(contracts)
        return run.id, len(contracts)

    run_id, count = committed(registry, make)
    _twice_at_once_then_again(registry, "gas_contracts.ir_cron_contract_register_exports")

    def check(env):
        run = env["gas.export.run"].browse(run_id)
        assert (run.state, run.contract_done, run.contract_count) == ("done", count, count)
        files = env["ir.attachment"].search(
            [
                ("res_model", "=", "gas.export.run"),
                ("res_id", "=", run_id),
                ("res_field", "=", "export_file"),
            ]
        )
        assert len(files) == 1
        notes = run.message_ids.filtered(lambda m: "exported" in (m.body or ""))
        assert len(notes) == 1

    committed(registry, check)
