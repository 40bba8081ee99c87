from odoo import api, fields, models
from odoo.exceptions import UserError


class MailActivity(models.Model):
    _inherit = "mail.activity"

    @api.model_create_multi
    def create(self, vals_list):
        activities = super().create(vals_list)
        activities._check_customer_file_assignee()
        return activities

    def write(self, vals):
        res = super().write(vals)
        if {"user_id", "res_id", "res_model_id"} & vals.keys():
            self._check_customer_file_assignee()
        return res

    @api.model
    def _create_todos(self, todos):
        """To-dos created in one batch, from (record, user, summary, due date) tuples;
        without a due date, the to-do is due today."""
        todo_type = self.env.ref("mail.mail_activity_data_todo")
        return self.create(
            [
                {
                    "res_model_id": self.env["ir.model"]._get_id(record._name),
                    "res_id": record.id,
                    "activity_type_id": todo_type.id,
                    "summary": summary,
                    "user_id": user.id,
                    "date_deadline": deadline or fields.Date.context_today(self),
                }
                for record, user, summary, deadline in todos
            ]
        )

    def _check_customer_file_assignee(self):
        # An activity shows its assignee the file's name and summary, and mails
        # him a link: only a user who may read the file may be given one.
        on_files = self.filtered(lambda a: a.res_model == "customer.file" and a.user_id)
        for user, activities in on_files.grouped("user_id").items():
            files = self.env["customer.file"].with_user(user).browse(activities.mapped("res_id"))
            hidden = files - files.exists()._filtered_access("read")
            if hidden:
                raise UserError(
                    self.env._(
                        "A customer file is confidential: %(user)s cannot read it and cannot be "
                        "given an activity on it.",
                        user=user.name,
                    )
                )
