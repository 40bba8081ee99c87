"""The archiving seal shared by dossiers, documents, attachments and messages.

Workflow methods of this module need to write fields that clients must never
write directly (state, archive number, signatures). They do it under a context
key whose value is a private Python object: a JSON client can send the key but
never this value, so the bypass cannot be forged through RPC.
"""

from odoo import fields
from odoo.exceptions import UserError
from odoo.tools import SQL

SEAL_BYPASS_KEY = "research_archive_workflow"
_WORKFLOW_TOKEN = object()

SEALED_MODELS = ("research.dossier", "research.document")


def with_workflow(records):
    """Return ``records`` allowed to perform this module's internal workflow writes."""
    return records.with_context(**{SEAL_BYPASS_KEY: _WORKFLOW_TOKEN})


def in_workflow(env):
    return env.context.get(SEAL_BYPASS_KEY) is _WORKFLOW_TOKEN


def _touched_dossiers_sudo(env, pairs):
    """The dossiers that ``pairs`` of (model, res_id) belong to.

    The seal is checked whatever the current user may read, hence the sudo
    environment: it only reads states to refuse a change, it never returns data.
    """
    dossier_ids, document_ids = set(), set()
    for model, res_id in pairs:
        if not res_id:
            continue
        if model == "research.dossier":
            dossier_ids.add(res_id)
        elif model == "research.document":
            document_ids.add(res_id)
    env_sudo = env(su=True)
    if document_ids:
        documents_sudo = env_sudo["research.document"].browse(document_ids).exists()
        dossier_ids.update(documents_sudo.dossier_id.ids)
    return env_sudo["research.dossier"].browse(dossier_ids).exists()


def touched_pairs(records, model_field, vals=None):
    """(model, res_id) of the sealed records that attachments or messages belong to.

    ``model_field`` names the field holding the model (res_model on attachments,
    model on messages). With ``vals`` of a write that moves them, the records
    they move to count too. Read whatever the current user may read of them.
    """
    records_sudo = records.sudo()
    pairs = [(rec[model_field], rec.res_id) for rec in records_sudo if rec.res_id]
    if vals and (model_field in vals or "res_id" in vals):
        pairs += [
            (vals.get(model_field, rec[model_field]), vals.get("res_id", rec.res_id))
            for rec in records_sudo
        ]
    return [pair for pair in pairs if pair[0] in SEALED_MODELS]


def check_seal(env, pairs):
    """Raise if any (model, res_id) pair belongs to an archived dossier."""
    if in_workflow(env):
        return
    dossiers_sudo = _touched_dossiers_sudo(env, pairs)
    sealed_sudo = dossiers_sudo.filtered(lambda d: d.state == "archived")
    if sealed_sudo:
        raise UserError(
            env._(
                "The dossier %(names)s is archived and sealed: nothing about it can be "
                "changed. An archive manager can reopen it with a reason.",
                names=", ".join(sealed_sudo.mapped("display_name")),
            )
        )
    _serialize_with_archiving(dossiers_sudo)


def _serialize_with_archiving(dossiers_sudo):
    """Make a change to these dossiers and their archiving exclude each other.

    Archiving fingerprints what the dossier holds in its own snapshot and then writes
    the dossier. A document or a file added at the same moment would land, unseen, in
    a sealed dossier. Updating the dossier's row here makes whichever of the two
    transactions comes second fail on a serialization error; retried, it sees the
    other's result: the change is refused by the seal, or archived with the rest.
    """
    if not dossiers_sudo:
        return
    dossiers_sudo.env.cr.execute(
        SQL(
            "UPDATE research_dossier SET write_date = %s WHERE id IN %s",
            fields.Datetime.now(),
            tuple(dossiers_sudo.ids),
        )
    )
    dossiers_sudo.invalidate_recordset(["write_date"])
