import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";
import { screenshot } from "@base_input_guard/../tests/tour_screenshot";

// These tours are run by users who read Simplified Chinese (tests/test_tour.py): the few
// texts they look for are the zh_CN labels a user sees and types.
const DOSSIER = "Tour reading project";

function isState(state) {
    return {
        trigger: `.o_statusbar_status button.o_arrow_button_current[data-value=${state}]`,
        content: `The dossier is now ${state}`,
    };
}

/**
 * Open the dossier from the app; with a screenshot name, the dossier is still incomplete:
 * the dashboard shows it, and its screen is saved.
 */
function openDossier(dashboardScreenshot) {
    return [
        stepUtils.showAppsMenuItem(),
        {
            trigger: ".o_app[data-menu-xmlid='research_archive.menu_research_archive_root']",
            content: "Open the Research Archive app: it opens on its overview",
            run: "click",
        },
        ...(dashboardScreenshot
            ? [
                  {
                      trigger:
                          ".o_menu_sections [data-menu-xmlid='research_archive.menu_research_dashboard']",
                      content: "Go to the dashboard",
                      run: "click",
                  },
                  {
                      trigger: `.o_kanban_view .o_kanban_record:contains('${DOSSIER}')`,
                      content: "The dashboard shows the dossier with what it lacks",
                  },
                  ...screenshot(dashboardScreenshot),
              ]
            : []),
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
function recordDocument(phase, typeName) {
    const list = `.o_field_widget[name=document_${phase}_ids]`;
    const row = `${list} .o_data_row.o_selected_row`;
    return [
        {
            trigger: `.o_notebook a[name=${phase}]`,
            content: `Open the ${phase} phase tab`,
            run: "click",
        },
        {
            trigger: `${list} .o_field_x2many_list_row_add a`,
            content: `Add an item to the ${phase} phase`,
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
        ...openDossier("research_dashboard"),
        {
            trigger: ".o_field_widget[name=missing_early_ids] .o_tag:contains('立项批准书')",
            content: "The missing documents are listed phase by phase",
        },
        ...recordDocument("early", "立项批准书"),
        ...recordDocument("middle", "中期成果鉴定"),
        ...recordDocument("late", "课题验收鉴定书"),
        {
            trigger: ".o_notebook a[name=remarks]",
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
        isState("submitted"),
        {
            trigger: ".o_notebook a[name=all_items]",
            content: "Look at all the documents of the dossier",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=document_ids] .o_data_row:eq(6)",
            content: "All seven documents are listed",
        },
        ...screenshot("research_dossier_documents"),
    ],
});

registry.category("web_tour.tours").add("research_archive_room_archives_and_prints", {
    url: "/odoo",
    steps: () => [
        ...openDossier(),
        isState("submitted"),
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
        isState("archived"),
        {
            trigger: ".o_form_view .ribbon:contains('已封存')",
            content: "and sealed",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=archived_by_id]:contains('赵兰')",
            content: "The archive room is recorded as archiving it",
        },
        ...screenshot("research_dossier_archived"),
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
            trigger: ".o-dropdown--menu .o-dropdown-item:contains('卷首页与卷内目录')",
            content: "The cover page can be printed",
        },
    ],
});
