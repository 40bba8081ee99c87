import { registry } from "@web/core/registry";
import { renderToString } from "@web/core/utils/render";

// Run by users who read Chinese (tests/test_approval_texts_zh.py): base_tier_validation's
// approvals menu and reviews table show our wording, translated.
registry.category("web_tour.tours").add("gas_contracts_tier_texts_zh_tw", {
    steps: () => [
        {
            trigger: ".o_menu_systray i.fa-pencil-square-o[aria-label='審批']",
            content: "Open the approvals menu",
            run: "click",
        },
        {
            trigger: ".o-mail-ActivityGroup span:contains('待審批：')",
            content: "The documents waiting for my approval are counted in Chinese",
        },
        {
            trigger: "body",
            content: "The reviews table is headed in Chinese",
            run() {
                const table = renderToString("base_tier_validation.Collapse", {
                    _getReviewData: () => [],
                    onToggleCollapse: () => {},
                });
                for (const header of ["層級", "審批環節", "待審批人", "審批人", "審批時間"]) {
                    if (!table.includes(`>${header}</th>`)) {
                        throw new Error(`The reviews table has no "${header}" column: ${table}`);
                    }
                }
            },
        },
    ],
});

registry.category("web_tour.tours").add("gas_contracts_tier_texts_zh_cn", {
    steps: () => [
        {
            trigger: ".o_menu_systray i.fa-pencil-square-o[aria-label='审批']",
            content: "Open the approvals menu",
            run: "click",
        },
        {
            trigger: ".o-mail-ActivityMenu-empty:contains('没有待您审批的文件。')",
            content: "Nothing waits for my approval, said in Chinese",
        },
    ],
});
