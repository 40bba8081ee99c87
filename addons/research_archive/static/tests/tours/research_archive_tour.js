import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

const DOSSIER = "Tour reading project";

function openDossier() {
    return [
        stepUtils.showAppsMenuItem(),
        {
            trigger: ".o_app[data-menu-xmlid='research_archive.menu_research_archive_root']",
            content: "Open the Research Archive app: it opens on its dashboard",
            run: "click",
        },
        {
            trigger: ".o_menu_sections [data-menu-xmlid='research_archive.menu_research_dossier']",
            content: "Go to the list of dossiers",
            run: "click",
        },
        {
            trigger: `.o_list_view .o_data_cell:contains('${DOSSIER}')`,
            content: "Open the project dossier",
            run: "click",
        },
        {
            trigger: `.o_breadcrumb .active:contains('${DOSSIER}')`,
            content: "The dossier form is open",
        },
        {
            trigger: ".o_form_view .o_statusbar_status",
            content: "with its state",
        },
    ];
}

/**
 * Record a mandatory document in the tab of its phase and check that it is no
 * longer listed as missing.
 */
function recordDocument(phase, tab, typeName) {
    const list = `.o_field_widget[name=document_${phase}_ids]`;
    const row = `${list} .o_data_row.o_selected_row`;
    return [
        {
            trigger: `.o_notebook .nav-link:contains('${tab}')`,
            content: `Open the ${tab} tab`,
            run: "click",
        },
        {
            trigger: `${list} .o_field_x2many_list_row_add a`,
            content: `Add an item to the ${tab}`,
            run: "click",
        },
        {
            trigger: `${row} .o_field_widget[name=type_id] input`,
            content: `Choose the document type ${typeName}`,
            run: `edit ${typeName}`,
        },
        {
            trigger: `.o-autocomplete--dropdown-menu .dropdown-item:contains('${typeName}')`,
            content: `Select ${typeName}`,
            run: "click",
        },
        {
            trigger: `${row} .o_field_widget[name=name] input`,
            content: "Give the item its title",
            run: `edit ${typeName} of the reading project`,
        },
        {
            trigger: `${row} .o_field_widget[name=page_count] input`,
            content: "Count its pages",
            run: "edit 4",
        },
        {
            trigger: `.o_field_widget[name=missing_${phase}_ids]:not(:contains('${typeName}')), .o_group:not(:has(.o_field_widget[name=missing_${phase}_ids]))`,
            content: `${typeName} is no longer missing`,
        },
    ];
}

registry.category("web_tour.tours").add("research_archive_researcher_hands_in", {
    url: "/odoo",
    steps: () => [
        ...openDossier(),
        {
            trigger: ".o_field_widget[name=missing_early_ids] .o_tag:contains('Approval certificate')",
            content: "The missing documents are listed phase by phase",
        },
        ...recordDocument("early", "Early Phase", "Approval certificate"),
        ...recordDocument("middle", "Middle Phase", "Mid-term appraisal"),
        ...recordDocument("late", "Late Phase", "Acceptance certificate"),
        {
            trigger: ".o_notebook .nav-link:contains('Remarks')",
            content: "Open the remarks tab",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=remarks] textarea",
            content: "Write a remark for the remarks sheet",
            run: "edit Filed by the tour",
        },
        ...stepUtils.saveForm(),
        {
            trigger: ".o_form_view .o_field_widget[name=missing_count]:contains('0')",
            content: "No mandatory document is missing any more",
        },
        {
            trigger: ".o_form_view button[name=action_submit]",
            content: "Hand the dossier in",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Submitted')",
            content: "The dossier is handed in",
        },
    ],
});

registry.category("web_tour.tours").add("research_archive_room_archives_and_prints", {
    url: "/odoo",
    steps: () => [
        ...openDossier(),
        {
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Submitted')",
            content: "The dossier was handed in",
        },
        {
            trigger: ".o_form_view button[name=action_accept_archive]",
            content: "Accept and archive the dossier",
            run: "click",
        },
        {
            trigger: ".modal .modal-footer .btn-primary",
            content: "Confirm that archiving seals the dossier",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Archived')",
            content: "The dossier is archived",
        },
        {
            trigger: ".o_form_view .ribbon:contains('Sealed')",
            content: "and sealed",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=archived_by_id]:contains('Zhao Lan')",
            content: "The archive room is recorded as archiving it",
        },
        {
            trigger: ".o_cp_action_menus .dropdown-toggle",
            content: "Open the actions menu",
            run: "click",
        },
        {
            trigger: ".o-dropdown--menu button:has(.fa-print)",
            content: "Open the print menu",
            run: "click",
        },
        {
            trigger: ".o-dropdown--menu .o-dropdown-item:contains('Cover Page and Inner List')",
            content: "The cover page can be printed",
        },
    ],
});
