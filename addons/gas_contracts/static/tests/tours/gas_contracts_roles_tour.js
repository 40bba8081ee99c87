import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

// the selection of a privilege, found by its label in the user form
const privilege = (label) => `.o_wrap_label:has(label:contains(${label})) + .o_wrap_input`;

// An administrator gives one person two roles of the app in the ordinary user form.
registry.category("web_tour.tours").add("gas_contracts_two_roles", {
    steps: () => [
        {
            trigger: ".o_form_view .o_horizontal_separator:contains(Gas Contracts)",
            content: "The user form shows the Gas Contracts roles",
        },
        {
            trigger: `${privilege("Archives")} .o_select_menu_toggler`,
            content: "Make the user the archive keeper",
            run: "click",
        },
        {
            trigger: ".o_field_selection_menu .o_select_menu_item:contains(Archive Keeper)",
            run: "click",
        },
        {
            // the form has taken the role: its query level shows the one the role includes
            trigger: `${privilege("Information Query Level")} input[placeholder*="Basic Contact Data"]`,
            content: "The archive keeper reads basic contact data",
        },
        {
            trigger: `${privilege("Finance Department")} .o_select_menu_toggler`,
            content: "and a finance clerk",
            run: "click",
        },
        {
            trigger: ".o_field_selection_menu .o_select_menu_item:contains(Finance)",
            run: "click",
        },
        {
            trigger: `${privilege("Information Query Level")} input[placeholder*="Financial and Identity Data"]`,
            content: "The finance clerk reads financial and identity data",
        },
        {
            trigger: `${privilege("Archives")} .o_select_menu_toggler:value(Archive Keeper)`,
            content: "The archive keeper role is still set",
        },
        ...stepUtils.saveForm(),
    ],
});
