/**
 * The browser side of ClickEverywhereCase (base_input_guard/tests/click_everywhere.py), after
 * Odoo's clickbot (web/static/src/webclient/clickbot): open each screen the test lists, in
 * each view type of its action, with each filter of its search view, each tab of its forms,
 * and report every error (a failed call, an error dialog, a view that does not load) with
 * console.error, which fails the test; then go on, so that one run lists every broken screen.
 */
import { App } from "@odoo/owl";
import { rpcBus } from "@web/core/network/rpc";

const TIMEOUT = 30000;
const pending = new Set();
let rpcErrors = [];

rpcBus.addEventListener("RPC:REQUEST", ({ detail }) => pending.add(detail.data.id));
rpcBus.addEventListener("RPC:RESPONSE", ({ detail }) => {
    pending.delete(detail.data.id);
    if (detail.error) {
        rpcErrors.push(detail.error);
    }
});

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Wait until no call is pending, no component waits to render and nothing is blocked. */
async function settled() {
    const start = Date.now();
    for (let quiet = 0; quiet < 3; ) {
        await pause(30);
        await new Promise((resolve) => requestAnimationFrame(resolve));
        const busy =
            pending.size ||
            [...App.apps].some((app) => app.scheduler.tasks.size) ||
            document.querySelector(".o_blockUI");
        quiet = busy ? 0 : quiet + 1;
        if (Date.now() - start > TIMEOUT) {
            throw new Error(`still loading after ${TIMEOUT / 1000} s`);
        }
    }
}

function describe(error) {
    const server = error?.data;
    if (server) {
        return `${server.name}: ${server.message}\n${server.debug || ""}`;
    }
    return error?.stack || String(error);
}

/** Run one step of a screen; report what went wrong and close the dialogs it left open. */
async function step(env, where, run) {
    rpcErrors = [];
    let failed = false;
    const fail = (message) => {
        failed = true;
        console.error(`click everywhere: ${where}: ${message}`);
    };
    try {
        await run();
        await settled();
    } catch (error) {
        fail(describe(error));
    }
    for (const error of rpcErrors) {
        fail(describe(error));
    }
    const dialog = document.querySelector(".o_error_dialog");
    if (dialog && !rpcErrors.length) {
        fail(`error dialog: ${dialog.innerText}`);
    }
    env.services.dialog.closeAll();
    await settled().catch(() => {});
    return !failed;
}

async function clickAll(env, where, selector, label) {
    const count = document.querySelectorAll(selector).length;
    for (let index = 0; index < count; index++) {
        const target = document.querySelectorAll(selector)[index];
        if (!target) {
            break;
        }
        const name = (target.innerText || "").trim();
        await step(env, `${where} › ${label} "${name}"`, () => target.click());
    }
}

async function clickFilters(env, where) {
    const toggler = document.querySelector(".o_control_panel .o_searchview_dropdown_toggler");
    if (!toggler) {
        return;
    }
    if (!(await step(env, `${where} › search options`, () => toggler.click()))) {
        return;
    }
    // each filter and group-by in turn, as Odoo's clickbot does (the dropdown stays open)
    const items =
        ".o_filter_menu > .o_menu_item:not(.o_add_custom_filter), " +
        ".o_group_by_menu > .o_menu_item:not(.o_add_custom_group_menu)";
    await clickAll(env, where, items, "filter");
}

async function openScreen(env, screen) {
    const { action, menu } = env.services;
    const options = { clearBreadcrumbs: true, additionalContext: screen.context };
    const name = `${screen.name} (${screen.xmlid})`;
    const opened = await step(env, name, () =>
        screen.menu ? menu.selectMenu(screen.menu) : action.doAction(screen.action, options)
    );
    if (!opened || screen.target === "new") {
        return;
    }
    const views = action.currentController?.views || [];
    for (const [index, view] of views.entries()) {
        // the first view is open; then each other one, and a form of a record and a new one
        const openings = [[`${name} › ${view.type}`, {}]];
        if (view.type === "form" && index) {
            openings[0] = screen.resId && [`${name} › form #${screen.resId}`, { resId: screen.resId }];
            openings.push(screen.canCreate && [`${name} › new form`, { resId: false }]);
        }
        for (const [where, props] of openings.filter(Boolean)) {
            const viewType = view.type;
            if (
                index &&
                !(await step(env, where, () =>
                    action.doAction(screen.action, { ...options, viewType, props })
                ))
            ) {
                continue;
            }
            if (viewType === "form") {
                await clickAll(env, where, ".o_notebook_headers .nav-link:not(.active)", "tab");
            } else if (!index) {
                await clickFilters(env, where); // the search is the same in the other views
            }
        }
    }
}

/** Open every screen, then say so; the errors were reported on the way. */
export async function clickEverywhere(screens) {
    const env = odoo.__WOWL_DEBUG__.root.env;
    for (const screen of screens) {
        console.log(`click everywhere: ${screen.name}`);
        await openScreen(env, screen);
    }
    console.log(`click everywhere: ${screens.length} screens opened`);
    console.log("tour succeeded");
}
