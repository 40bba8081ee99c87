import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";
import { screenshot } from "@base_input_guard/../tests/tour_screenshot";

const GRANTED = "Granted Customer Ltd";
const COMPLAINT = "Tour late delivery";

function listShown(column) {
    return {
        trigger: `.o_list_view th[data-name=${column}]`,
        content: "The list is shown",
    };
}

function pickRecord(field, name) {
    return [
        {
            trigger: `.o_field_widget[name=${field}] input`,
            content: `Choose ${name}`,
            run: `edit ${name}`,
        },
        {
            trigger: `.o-autocomplete--dropdown-item:contains('${name}')`,
            run: "click",
        },
    ];
}

function isState(state) {
    return {
        trigger: `.o_statusbar_status button.o_arrow_button_current[data-value=${state}]`,
        content: `The document is now ${state}`,
    };
}

registry.category("web_tour.tours").add("customer_records_open_file", {
    url: "/odoo/customer-files",
    steps: () => [
        listShown("partner_id"),
        {
            trigger: ".o_list_button_add",
            content: "Create a customer file",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=partner_id] input",
            content: "Choose the customer",
            run: "edit Tour Customer",
        },
        {
            trigger: ".ui-autocomplete .dropdown-item:contains('Tour Customer Ltd')",
            run: "click",
        },
        {
            trigger: ".o_notebook .nav-link[name=credit]",
            content: "Open the credit status",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=credit_rating] .o_select_menu_toggler",
            content: "Rate the customer's credit",
            run: "click",
        },
        {
            trigger: ".o_select_menu_menu .o_select_menu_item:contains('B - Good')",
            run: "click",
        },
        ...stepUtils.saveForm(),
        {
            trigger: ".o_form_view button[name=request_validation]",
            content: "Ask the sales director to approve the file",
            run: "click",
        },
        {
            trigger: ".o_form_view .alert-warning:contains('Waiting for the approval of')",
            content: "The file now waits for the sales director",
        },
    ],
});

registry.category("web_tour.tours").add("customer_records_grantee_reads_file", {
    url: "/odoo/customer-files",
    steps: () => [
        {
            trigger: ".o_list_view .o_data_row td[name=partner_id]:contains('Granted Customer Ltd')",
            content: "The granted file is listed",
        },
        {
            trigger: ".o_list_view:not(:has(.o_data_row td:contains('Hidden Customer Ltd')))",
            content: "but not the files without a grant",
        },
        {
            trigger: ".o_list_view .o_data_row td[name=partner_id]:contains('Granted Customer Ltd')",
            content: "Open the granted file",
            run: "click",
        },
        {
            trigger: ".o_notebook .nav-link[name=credit]",
            content: "Open the credit status",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=credit_description]:contains('Pays in 30 days')",
            content: "The credit status is readable during the grant",
        },
        ...screenshot("customer_records_file_opened"),
    ],
});

registry.category("web_tour.tours").add("customer_records_salesman_requests_access", {
    url: "/odoo/action-customer_records.customer_access_grant_action",
    steps: () => [
        listShown("purpose"),
        {
            trigger: ".o_list_button_add",
            content: "Request access to a customer file",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=partner_ids] input",
            content: "Name the customer whose file is needed",
            run: "edit Granted Customer",
        },
        {
            trigger: `.o-autocomplete--dropdown-item:contains('${GRANTED}')`,
            run: "click",
        },
        {
            trigger: `.o_field_widget[name=partner_ids] .o_tag:contains('${GRANTED}')`,
            content: "The customer is named",
        },
        {
            trigger: ".o_field_widget[name=purpose] textarea",
            content: "Why the file is needed",
            run: "edit Prepare the renewal offer",
        },
        {
            trigger: ".o_field_widget[name=date_to] input",
            content: "Until when: the 15th of next month, typed with the calendar open",
            run: `edit ${luxon.DateTime.now().plus({ months: 1 }).set({ day: 15 }).toISODate()}`,
        },
        {
            trigger: ".o_form_view button[name=action_request]",
            content: "Submit the request to the general manager straight away",
            run: "click",
        },
        isState("requested"),
        {
            trigger: ".o_form_view .o_field_widget[name=date_to]:contains('15日')",
            content: "The submitted request shows its end date",
        },
        ...screenshot("customer_records_access_requested"),
    ],
});

registry.category("web_tour.tours").add("customer_records_gm_authorises_access", {
    url: "/odoo/action-customer_records.customer_access_grant_action",
    steps: () => [
        listShown("purpose"),
        {
            trigger: ".o_list_view .o_data_row td[name=purpose]:contains('Prepare the renewal offer')",
            content: "Open the salesman's request",
            run: "click",
        },
        isState("requested"),
        {
            trigger: ".o_form_view button[name=action_approve]",
            content: "Authorise the access",
            run: "click",
        },
        isState("approved"),
        {
            trigger: ".o_form_view .o_field_widget[name=approver_id]:contains('王敏')",
            content: "The general manager signs the decision",
        },
        ...screenshot("customer_records_access_authorised"),
    ],
});

registry.category("web_tour.tours").add("customer_records_department_records_complaint", {
    url: "/odoo/action-customer_records.customer_complaint_action",
    steps: () => [
        listShown("subject"),
        {
            trigger: ".o_control_panel .o_list_button_add",
            content: "Record a complaint",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=subject] input",
            content: "What the complaint is about",
            run: `edit ${COMPLAINT}`,
        },
        ...pickRecord("partner_id", "Complaining Customer Ltd"),
        ...pickRecord("department_id", "Tour Sales Department"),
        {
            trigger: ".o_field_widget[name=description] textarea",
            content: "What the customer said",
            run: "edit The order arrived five days late",
        },
        ...stepUtils.saveForm(),
        {
            trigger: ".o_form_view button[name=action_start_handling]",
            content: "Start handling it",
            run: "click",
        },
        isState("handling"),
        {
            trigger: ".o_notebook .nav-link[name=result]",
            content: "Record the handling result",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=result] textarea",
            run: "edit Carrier changed; delivery fee refunded",
        },
        ...stepUtils.saveForm(),
        {
            trigger: ".o_form_view button[name=request_validation]",
            content: "Ask the general manager to approve the result",
            run: "click",
        },
        {
            trigger: ".o_form_view button[name=restart_validation]",
            content: "The result waits for the general manager",
        },
        ...screenshot("customer_records_complaint_recorded"),
    ],
});

registry.category("web_tour.tours").add("customer_records_gm_approves_complaint", {
    url: "/odoo/action-customer_records.customer_complaint_action",
    steps: () => [
        listShown("subject"),
        {
            trigger: `.o_list_view .o_data_row td[name=subject]:contains('${COMPLAINT}')`,
            content: "Open the complaint",
            run: "click",
        },
        {
            trigger: ".o_form_view button[name=validate_tier]",
            content: "Approve the handling result",
            run: "click",
        },
        isState("approved"),
        ...screenshot("customer_records_complaint_approved"),
    ],
});

registry.category("web_tour.tours").add("customer_records_office_replies", {
    url: "/odoo/action-customer_records.customer_complaint_action",
    steps: () => [
        listShown("subject"),
        {
            trigger: `.o_list_view .o_data_row td[name=subject]:contains('${COMPLAINT}')`,
            content: "Open the approved complaint",
            run: "click",
        },
        isState("approved"),
        {
            trigger: ".o_notebook .nav-link[name=reply]",
            content: "Write the reply",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=reply_text] textarea",
            run: "edit We apologise: the carrier has been changed and the fee refunded.",
        },
        ...stepUtils.saveForm(),
        {
            trigger: ".o_form_view button[name=action_send_reply]",
            content: "Send the reply to the customer",
            run: "click",
        },
        isState("replied"),
        {
            trigger: ".o-mail-Message:contains('We apologise')",
            content: "The reply is posted to the customer",
        },
        ...screenshot("customer_records_complaint_replied"),
    ],
});
