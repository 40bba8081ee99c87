import { registry } from "@web/core/registry";
import { screenshot } from "@base_input_guard/../tests/tour_screenshot";

// Run by the finance user, who reads Simplified Chinese (tests/test_live_progress.py).

function progress(done, count, view = ".o_form_view") {
    return `${view} .o_field_widget[name=contract_done] .o_progress[aria-valuenow='${done}'][aria-valuemax='${count}']`;
}

function markPage() {
    // a reload of the page would lose this mark
    document.body.dataset.liveProgressTour = "opened";
}

function pageNotReloaded() {
    return {
        trigger: "body[data-live-progress-tour=opened]",
        content: "The page was not reloaded",
    };
}

registry.category("web_tour.tours").add("gas_contracts_live_settle_run", {
    steps: () => [
        {
            trigger: progress(0, 3),
            content: "The queued run shows 0 of its 3 contracts settled",
            run: markPage,
        },
        {
            trigger: ".o_statusbar_status button.o_arrow_button_current[data-value=queued]",
            content: "The run is queued",
        },
        // once this screen is saved, the settlement job runs on the server
        ...screenshot("gas_contracts_settle_run_queued"),
        {
            trigger: progress(3, 3),
            content: "The progress bar follows the run to its end, without reloading the page",
            timeout: 20000,
        },
        {
            trigger: ".o_statusbar_status button.o_arrow_button_current[data-value=done]",
            content: "The run is done",
        },
        {
            trigger: ".o_form_view button[name=action_open_settlements]",
            content: "and its settlements can be opened",
        },
        pageNotReloaded(),
        ...screenshot("gas_contracts_settle_run_done"),
    ],
});

registry.category("web_tour.tours").add("gas_contracts_live_settle_run_list", {
    steps: () => [
        {
            trigger: progress(0, 3, ".o_list_view .o_data_row"),
            content: "The list of runs shows the queued run at 0 of its 3 contracts",
            run: markPage,
        },
        // once this screen is saved, the settlement job runs on the server
        ...screenshot("gas_contracts_settle_run_list_queued"),
        {
            trigger: progress(3, 3, ".o_list_view .o_data_row"),
            content: "Its progress bar follows the run to its end, without reloading the page",
            timeout: 20000,
        },
        {
            trigger: ".o_list_view .o_data_row td[name=state]:contains(已完成)",
            content: "The run is done",
        },
        pageNotReloaded(),
    ],
});
