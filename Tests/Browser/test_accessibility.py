"""A page people can use: axe-core in the page, the keyboard alone, visible focus, 200% zoom."""

import pytest
from axe_core_python.selenium import Axe
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import role_state, wait_until

PATHWAY = "community-peer-support"
ROLE = "peer-mentor"
PAGES = {
    "pathways": "/",
    "ladder": f"/p/{PATHWAY}",
    "role": f"/p/{PATHWAY}/r/{ROLE}",
    "job description preview": f"/p/{PATHWAY}/r/{ROLE}/preview/job-description",
    "panel pack preview": f"/p/{PATHWAY}/r/{ROLE}/preview/panel-pack",
    "another pathway's ladder": "/p/nhs-adult-mental-health",
    "a senior role": "/p/nhs-adult-mental-health/r/peer-leader",
    "edit form": f"/p/{PATHWAY}/r/{ROLE}/edit",
    "new role form": f"/p/{PATHWAY}/new-role",
}
# WCAG 2.0, 2.1 and 2.2 A and AA rules, as bundled in axe-core.
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]}}


@pytest.mark.parametrize("name", PAGES)
def test_axe_finds_no_serious_violations(browser, served, name):
    browser.get(served.url(PAGES[name]))
    results = Axe().run(browser, options=AXE_OPTIONS)
    serious = [v for v in results["violations"] if v["impact"] in ("serious", "critical")]
    report = "\n".join(
        f"  {v['id']} ({v['impact']}): {v['help']}; e.g. {v['nodes'][0]['html'][:160]}" for v in serious)
    assert not serious, f"axe-core {results['testEngine']['version']} on {PAGES[name]}:\n{report}"
    assert results["passes"], "axe-core ran no rule"


FOCUSABLE = """
    const visible = e => { const r = e.getBoundingClientRect(); const s = getComputedStyle(e);
                           return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'; };
    return [...document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]')]
      .filter(e => !e.disabled && e.tabIndex >= 0 && visible(e) && !e.closest('[inert]'));
"""

FOCUS_SHOWN = """
    const e = document.activeElement; const s = getComputedStyle(e);
    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
    return {outline, shadow: s.boxShadow !== 'none', label: (e.id || e.name || e.textContent || e.tagName).trim().slice(0, 60)};
"""


def tab_through(browser, limit):
    """Press Tab from the top of the page; the elements focused, in order, with how focus showed."""
    browser.find_element(By.TAG_NAME, "body").click()
    browser.execute_script("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0)")
    seen, shown = [], []
    for _ in range(limit):
        ActionChains(browser).send_keys(Keys.TAB).perform()
        element = browser.switch_to.active_element
        if seen and element == seen[0]:
            break
        if element.tag_name == "body":
            continue
        seen.append(element)
        shown.append(browser.execute_script(FOCUS_SHOWN))
    return seen, shown


@pytest.mark.parametrize("name", ["pathways", "ladder", "role", "edit form"])
def test_tab_reaches_every_control_with_visible_focus(browser, served, name):
    browser.get(served.url(PAGES[name]))
    controls = browser.execute_script(FOCUSABLE)
    assert controls, f"{PAGES[name]} has no control"
    seen, shown = tab_through(browser, len(controls) + 20)
    missed = [c.get_attribute("outerHTML")[:120] for c in controls if c not in seen]
    assert not missed, f"Tab never reached {len(missed)} of {len(controls)} controls on {PAGES[name]}: {missed[:5]}"
    hidden = [s["label"] for s in shown if not (s["outline"] or s["shadow"])]
    assert not hidden, f"focus is not visible (no outline, no box-shadow) on {hidden[:5]}"


def test_what_if_by_keyboard_alone(browser, served):
    browser.get(served.url(PAGES["role"]))
    start = wait_until(lambda: role_state(browser)["band"] and role_state(browser), message="the role page")
    select = browser.find_element(By.CSS_SELECTOR, '#factors tr[data-factor="2"] select')
    # Reach the select with Tab, as a keyboard user would, then change it with the arrow keys.
    browser.find_element(By.TAG_NAME, "body").click()
    for _ in range(400):
        ActionChains(browser).send_keys(Keys.TAB).perform()
        if browser.switch_to.active_element == select:
            break
    assert browser.switch_to.active_element == select, "Tab never reached the level-2 select"
    ActionChains(browser).send_keys(Keys.ARROW_DOWN).perform()
    wait_until(lambda: role_state(browser)["points"] != start["points"], message="#points after ArrowDown on level-2")
    assert role_state(browser)["levels"]["2"] != start["levels"]["2"]
    # Add a catalogue duty: type in the search box, Tab to the first result's button, Enter.
    search = browser.find_element(By.ID, "duty-search")
    browser.execute_script("arguments[0].focus()", search)
    ActionChains(browser).send_keys("volunteer").perform()
    wait_until(lambda: browser.find_elements(By.CSS_SELECTOR, "#duty-results button.add-duty"), message="search results")
    for _ in range(20):
        ActionChains(browser).send_keys(Keys.TAB).perform()
        if "add-duty" in (browser.switch_to.active_element.get_attribute("class") or ""):
            break
    assert "add-duty" in browser.switch_to.active_element.get_attribute("class"), "Tab from #duty-search never reached an add-duty button"
    ActionChains(browser).send_keys(Keys.ENTER).perform()
    wait_until(lambda: len(role_state(browser)["duties"]) == len(start["duties"]) + 1, message="a duty added by keyboard")
    reset = browser.find_element(By.ID, "reset")
    browser.execute_script("arguments[0].focus()", reset)
    ActionChains(browser).send_keys(Keys.ENTER).perform()
    wait_until(lambda: role_state(browser) == start, message="the page back after Enter on #reset")


OVERFLOW = """
    const main = document.querySelector('main');
    const page = document.documentElement;
    return {page: page.scrollWidth - page.clientWidth,
            main: main ? main.scrollWidth - main.clientWidth : null,
            heading: !!document.querySelector('main h1, main h2') && document.querySelector('main h1, main h2').getBoundingClientRect().width > 0};
"""


@pytest.mark.parametrize("name", ["pathways", "ladder", "role", "job description preview", "edit form"])
def test_readable_at_200_percent_zoom(browser, served, name):
    # A 1280 × 1000 window at 200% zoom lays out 640 × 500 CSS pixels at two device pixels each.
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": 640, "height": 500, "deviceScaleFactor": 2, "mobile": False})
    browser.get(served.url(PAGES[name]))
    found = browser.execute_script(OVERFLOW)
    assert found["main"] is not None, f"{PAGES[name]} has no <main>"
    assert found["heading"], f"{PAGES[name]}: the first heading is not laid out at 200%"
    assert found["page"] <= 1, f"{PAGES[name]} scrolls sideways by {found['page']} px at 200% zoom"
    assert found["main"] <= 1, f"the main column of {PAGES[name]} scrolls sideways by {found['main']} px at 200% zoom"
