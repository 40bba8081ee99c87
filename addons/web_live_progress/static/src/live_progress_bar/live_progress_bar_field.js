import { status, useEffect } from "@odoo/owl";
import { _t } from "@web/core/l10n/translation";
import { evaluateBooleanExpr } from "@web/core/py_js/py";
import { registry } from "@web/core/registry";
import {
    ProgressBarField,
    progressBarField,
} from "@web/views/fields/progress_bar/progress_bar_field";

/**
 * Odoo's progress bar, which reads its record again every few seconds while the
 * `running` expression holds: the progress of a background job then shows as it goes.
 */
export class LiveProgressBarField extends ProgressBarField {
    static props = {
        ...ProgressBarField.props,
        running: { type: String, optional: true },
    };
    /** Milliseconds between two reads of a running record. */
    static refreshDelay = 2000;

    setup() {
        super.setup();
        useEffect(
            (isRunning) => {
                if (!isRunning) {
                    return;
                }
                const timer = setInterval(() => this.refresh(), this.constructor.refreshDelay);
                return () => clearInterval(timer);
            },
            () => [this.isRunning]
        );
    }

    get isRunning() {
        const { record, running } = this.props;
        return Boolean(
            running &&
                !record.isNew &&
                evaluateBooleanExpr(running, record.evalContextWithVirtualIds)
        );
    }

    async refresh() {
        if (this.refreshing) {
            return;
        }
        this.refreshing = true;
        const { record } = this.props;
        try {
            // never replace what the user is changing
            if (!(await record.isDirty()) && status(this) === "mounted") {
                await record.load();
            }
        } finally {
            this.refreshing = false;
        }
    }
}

export const liveProgressBarField = {
    ...progressBarField,
    component: LiveProgressBarField,
    displayName: _t("Live Progress Bar"),
    supportedOptions: [
        ...progressBarField.supportedOptions,
        {
            label: _t("Running"),
            name: "running",
            type: "string",
            help: _t(
                "Expression on the record; while it is true, the progress is read again every 2 seconds."
            ),
        },
    ],
    extractProps: (fieldInfo, dynamicInfo) => ({
        ...progressBarField.extractProps(fieldInfo, dynamicInfo),
        running: fieldInfo.options.running,
    }),
};

registry.category("fields").add("live_progressbar", liveProgressBarField);
