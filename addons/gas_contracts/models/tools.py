"""Helpers shared by the gas contract models.

State changes, tier reviews and locked records are only touched by this module's own
methods. They go the private way of base_record_guard's workflow-only fields: a context
token that a client cannot send (a JSON-RPC context only carries JSON values).
"""

TOP_ANNUAL_THRESHOLD = 3_000_000
TOP_DAILY_THRESHOLD = 10_000
# Beyond any city gas user (the largest plants take a few 1e9 m3 a year).
ABSURD_VOLUME = 1e11


def as_internal(records):
    return records.with_env(records.env["workflow.fields.mixin"]._workflow().env)


def is_internal(env):
    return env["workflow.fields.mixin"]._in_workflow()


def is_top_eligible_volume(annual, daily):
    """Policy 篇三 第九條: 300萬 m3 a year or 1萬 m3 a day, boundaries included."""
    return (annual or 0) >= TOP_ANNUAL_THRESHOLD or (daily or 0) >= TOP_DAILY_THRESHOLD


def mask_number(value, keep_start=3, keep_end=4):
    """138****5678 style masking; short values are masked entirely but the last digit."""
    if not value:
        return value
    value = str(value).strip()
    if len(value) <= keep_start + keep_end:
        return "*" * (len(value) - 1) + value[-1:]
    return value[:keep_start] + "*" * (len(value) - keep_start - keep_end) + value[-keep_end:]


def set_masked(records, fname, group):
    """Set ``<fname>_display``: the value in full from ``group`` up, masked below it."""
    full = records.env.user.has_group(group)
    # the raw field carries groups=: it is read as superuser here, and lower levels
    # only ever receive the masked form computed from it
    for rec, rec_sudo in zip(records, records.sudo(), strict=True):
        rec[f"{fname}_display"] = rec_sudo[fname] if full else mask_number(rec_sudo[fname])
