"""The pages and the what-if loop in the browser, against the contract in the README's "Workbench" section."""

import json
import re
import subprocess
import time
import zipfile
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import BIN, dialogs, fetch_json, role_state, screenshot, sha256, text_of, wait_until

PATHWAY = "community-peer-support"
ROLE = "peer-mentor"
ROLE_TITLE = "Peer Mentor"


def open_role(browser, served, pathway=PATHWAY, role=ROLE):
    browser.get(served.url(f"/p/{pathway}/r/{role}"))
    wait_until(lambda: role_state(browser)["band"], message="#band on the role page")
    return role_state(browser)


def test_index_lists_every_served_pathway(browser, served):
    browser.get(served.url("/"))
    hrefs = {a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "a[href]")}
    for pathway in ("community-peer-support", "nhs-adult-mental-health", "nhs-perinatal", "hostile-copy"):
        assert served.url(f"/p/{pathway}") in hrefs, f"GET / has no link to /p/{pathway}; links: {sorted(hrefs)}"
    assert browser.find_element(By.CSS_SELECTOR, 'meta[name="peerpath-token"]').get_attribute("content")
    screenshot(browser, "index")


def test_ladder_links_each_role_to_its_page(browser, served):
    browser.get(served.url(f"/p/{PATHWAY}"))
    assert browser.find_elements(By.CSS_SELECTOR, "svg"), "the ladder page has no SVG ladder"
    page = browser.find_element(By.TAG_NAME, "body").text
    for word in ("Peer Mentor", "Lived Experience Lead"):
        assert word in page
    screenshot(browser, "ladder")
    # The link inside the ladder picture (an SVG <a>), not one elsewhere on the page.
    links = browser.find_elements(By.CSS_SELECTOR, "svg a")
    targets = [a.get_dom_attribute("href") or a.get_dom_attribute("xlink:href") for a in links]
    wanted = [a for a, t in zip(links, targets) if t and t.rstrip("/").endswith(f"/p/{PATHWAY}/r/{ROLE}")]
    assert wanted, f"no link in the ladder SVG to /p/{PATHWAY}/r/{ROLE}; SVG links: {targets}"
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", wanted[0])
    wanted[0].click()
    wait_until(lambda: browser.current_url.rstrip("/").endswith(f"/r/{ROLE}"), message="the role page after the click")
    assert text_of(browser, "h1") == ROLE_TITLE


def test_changing_levels_moves_the_band_and_reset_returns(browser, served):
    file = served.folder / f"{PATHWAY}.yaml"
    before_file = sha256(file)
    start = open_role(browser, served)
    assert start["band"] == "3", f"#band shows {start['band']!r}; the file says Peer Mentor is band 3"
    assert int(start["points"]) > 0
    assert len(start["levels"]) == 16, f"#factors has selects for factors {sorted(start['levels'])}"
    screenshot(browser, "role")

    # Raise factors to their top level one at a time until the band moves; each change updates #points.
    changed = {}
    for factor in sorted(start["levels"], key=int):
        select = Select(browser.find_element(By.CSS_SELECTOR, f'#factors tr[data-factor="{factor}"] select'))
        assert select._el.get_attribute("name") == f"level-{factor}"
        top = select.options[-1].get_attribute("value")
        if top == start["levels"][factor]:
            continue
        points_before = role_state(browser)["points"]
        select.select_by_value(top)
        changed[factor] = top
        wait_until(lambda: role_state(browser)["points"] != points_before, message=f"#points to change after level-{factor} = {top}")
        if role_state(browser)["band"] != start["band"]:
            break
    moved = role_state(browser)
    assert moved["band"] != start["band"], f"the band stayed {start['band']} with levels {changed}"
    assert moved["margins"] != start["margins"], "#margins did not change with the points"
    screenshot(browser, "role-what-if")

    # The page shows what the server answers for the same what-if.
    answer = fetch_json(browser, "POST", f"/p/{PATHWAY}/r/{ROLE}/what-if", {"levels": changed})
    assert answer["status"] == 200, answer
    body = json.loads(answer["text"])
    assert str(body["points"]) == moved["points"] and str(body["band"]) == moved["band"], (body, moved)
    assert {str(f["factor"]): f["level"] for f in body["factors"]}[next(iter(changed))] == changed[next(iter(changed))]

    browser.find_element(By.ID, "reset").click()
    wait_until(lambda: role_state(browser)["points"] == start["points"], message="#points back after reset")
    assert role_state(browser) == start
    assert sha256(file) == before_file, "a what-if changed the pathway file"
    assert dialogs(browser) == []


def test_adding_a_catalogue_duty_and_removing_one(browser, served):
    start = open_role(browser, served)
    search = browser.find_element(By.ID, "duty-search")
    assert search.get_attribute("type") == "search"
    search.send_keys("group")
    results = wait_until(lambda: browser.find_elements(By.CSS_SELECTOR, "#duty-results li[data-catalogue-id]"),
                         message="#duty-results to list catalogue duties for 'group'")
    new = [li for li in results if li.get_attribute("data-catalogue-id") not in start["duties"]]
    assert new, "every catalogue duty found for 'group' is already in the role"
    duty_id = new[0].get_attribute("data-catalogue-id")
    duty_text = new[0].text
    assert "group" in duty_text.lower(), f"result {duty_id} does not show its text: {duty_text!r}"
    new[0].find_element(By.CSS_SELECTOR, "button.add-duty").click()
    wait_until(lambda: duty_id in role_state(browser)["duties"], message=f"duty {duty_id} in #duties")
    assert len(role_state(browser)["duties"]) == len(start["duties"]) + 1

    first = browser.find_element(By.CSS_SELECTOR, "#duties > li")
    removed = first.get_attribute("data-duty")
    first.find_element(By.CSS_SELECTOR, "button.remove-duty").click()
    wait_until(lambda: len(role_state(browser)["duties"]) == len(start["duties"]), message="one duty fewer in #duties")
    assert role_state(browser)["removed"] == [removed]
    answer = fetch_json(browser, "POST", f"/p/{PATHWAY}/r/{ROLE}/what-if", {"removeDuties": [removed], "addDuties": [duty_id]})
    assert answer["status"] == 200, answer
    assert str(json.loads(answer["text"])["points"]) == role_state(browser)["points"], "#points differs from the server's what-if"

    browser.find_element(By.ID, "reset").click()
    wait_until(lambda: role_state(browser)["duties"] == start["duties"], message="#duties back after reset")
    assert role_state(browser) == start


def test_adding_and_removing_a_criterion(browser, served):
    start = open_role(browser, served)
    browser.find_element(By.ID, "criterion-text").send_keys("Can ride a bicycle between venues")
    browser.find_element(By.ID, "add-criterion").click()
    wait_until(lambda: role_state(browser)["criteria"] == start["criteria"] + 1, message="a criterion more in #criteria")
    assert "Can ride a bicycle between venues" in text_of(browser, "#criteria")
    browser.find_elements(By.CSS_SELECTOR, "#criteria button.remove-criterion")[-1].click()
    wait_until(lambda: role_state(browser)["criteria"] == start["criteria"], message="the criterion removed")
    browser.find_element(By.ID, "reset").click()
    wait_until(lambda: role_state(browser) == start, message="the role page back after reset")


def test_previews_show_the_documents(browser, served):
    open_role(browser, served)
    previews = {a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "a.preview")}
    documents = {href.rsplit("/", 1)[-1] for href in previews}
    expected = {"job-description", "person-specification", "job-analysis", "banding-justification", "panel-pack", "panel-pack-blind"}
    assert expected <= documents, f"a.preview links: {sorted(documents)}"
    for href in sorted(previews):
        browser.get(href)
        body = browser.find_element(By.TAG_NAME, "body").text
        assert len(body) > 200, f"{href} shows almost nothing"
        if href.endswith("/job-description"):
            assert ROLE_TITLE in body
            screenshot(browser, "preview")
        article = browser.find_element(By.CSS_SELECTOR, "main").text
        if href.endswith("/panel-pack-blind"):
            assert not re.search(r"\bBand [1-9]", article), "the blind panel pack preview states a band"
        if href.endswith("/panel-pack"):
            assert re.search(r"\bBand 3\b", article), "the panel pack preview does not state the band"
    assert dialogs(browser) == []


def test_panel_pack_downloads_and_validates(browser, served, downloads, tmp_path):
    open_role(browser, served)
    for old in downloads.glob("*"):
        old.unlink()
    pack = browser.find_element(By.CSS_SELECTOR, "a#pack")
    assert pack.get_attribute("href").endswith(f"/p/{PATHWAY}/r/{ROLE}/pack.zip")
    pack.click()
    zips = wait_until(lambda: [p for p in downloads.glob("*.zip")] if not list(downloads.glob("*.crdownload")) else None,
                      timeout=30, message="the browser to finish downloading the pack")
    with zipfile.ZipFile(zips[0]) as archive:
        assert archive.testzip() is None
        names = archive.namelist()
        assert all(not n.startswith("/") and ".." not in n.split("/") for n in names), names
        archive.extractall(tmp_path)
    files = sorted(p for p in tmp_path.rglob("*") if p.is_file())
    suffixes = {p.suffix for p in files}
    assert {".odt", ".docx", ".xml", ".md"} <= suffixes, f"the pack holds {sorted(p.name for p in files)}"
    checked = [str(p) for p in files if p.suffix in (".xml", ".odt")]
    result = subprocess.run([str(BIN), "validate", *checked], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{len(checked)} valid" in result.stdout, result.stdout


def test_downloads_each_document_in_every_format(browser, served):
    open_role(browser, served)
    links = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "a.download")]
    formats = {href.rsplit(".", 1)[-1] for href in links}
    assert {"odt", "docx", "xml", "md"} <= formats, f"a.download links: {links}"
    assert any(href.endswith("/download/job-description.odt") for href in links), links


def test_posts_need_the_token_and_a_small_body(browser, served):
    open_role(browser, served)
    path = f"/p/{PATHWAY}/r/{ROLE}/what-if"
    assert fetch_json(browser, "POST", path, {"levels": {}}, with_token=False)["status"] == 403
    assert fetch_json(browser, "POST", path, {"levels": {}})["status"] == 200
    big = {"addCriteria": [{"text": "x" * 70_000, "kind": "essential"}]}
    assert fetch_json(browser, "POST", path, big)["status"] == 413
    assert fetch_json(browser, "GET", "/p/not-served")["status"] == 404
    assert fetch_json(browser, "GET", "/p/..%2F..%2Fetc%2Fpasswd")["status"] == 404
