"""What the browser tests check on every page they open: no sideways scrolling on a phone
(WCAG 1.4.10) and no moderate, serious or critical axe violation (WCAG 2.1 A and AA rules).

A page is loaded once: the viewport is resized in place for each width (the layout is redone
without a new request) and axe runs once, at the first width. Page loads and axe are where the
browser tests spend their time.
"""
from __future__ import annotations

# resultTypes: axe still runs every rule, but builds selectors and sends back the nodes of the
# violations only (one node for passes and the rest, which nobody reads). Options given to
# axe-playwright-python replace its default, which asked for just that.
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
               "resultTypes": ["violations"]}
WIDTHS = (1280, 375, 320)


def axe_violations(page) -> list:
    """Axe's moderate, serious and critical violations on the open page: (rule, help, first targets)."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options=AXE_OPTIONS)
    return [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in results.response["violations"]
            if v["impact"] in ("moderate", "serious", "critical")]


def page_problems(page, widths=WIDTHS) -> list:
    """Everything wrong with the open page at these widths; the viewport is left at the first."""
    height = page.viewport_size["height"] if page.viewport_size else 900
    problems = []
    for width in widths:
        page.set_viewport_size({"width": width, "height": height})
        scroll, inner = page.evaluate("[document.scrollingElement.scrollWidth, window.innerWidth]")
        if scroll > inner:
            problems.append((page.url, width, f"{scroll} px wide"))
    page.set_viewport_size({"width": widths[0], "height": height})
    problems += [(page.url, *violation) for violation in axe_violations(page)]
    return problems


def check_pages(page, paths, widths=WIDTHS, statuses=(200,)) -> None:
    """Open each path once and assert it answers and has no problem."""
    for path in paths:
        response = page.goto(path)
        assert response is not None and response.status in statuses, (path, response and response.status)
        problems = page_problems(page, widths)
        assert not problems, problems
