"""Accessibility checks for the browser tests: axe-core (vendored under assets/, MPL-2.0) run in the page.

axe-core is a test tool only: it is injected into the page under test by Playwright, never served by the
app. Injecting a script needs a page opened with `bypass_csp=True` (the app's CSP allows its own scripts
only); the page's own scripts and markup are the same either way.
"""
from pathlib import Path

AXE_SCRIPT = Path(__file__).parent / "assets" / "axe-core-4.14.1" / "axe.min.js"
# The impacts that fail a test; "minor" and "moderate" ones are reported by axe but left to judgement.
BLOCKING_IMPACTS = {"serious", "critical"}
# WCAG 2.1 A and AA, the level the issue asks for ("no serious axe-core violations").
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]},
               "resultTypes": ["violations"]}


def describe(violation):
    """Return a violation as one readable line: its rule, impact, help text and the elements it hit."""
    targets = ["".join(map(str, node["target"])) for node in violation["nodes"][:5]]
    more = f" (+{len(violation['nodes']) - 5} more)" if len(violation["nodes"]) > 5 else ""
    return f"{violation['id']} [{violation['impact']}] {violation['help']}: {', '.join(targets)}{more}"


def serious_violations(page):
    """Run axe-core on `page` as it is now; return its serious and critical violations, described."""
    page.add_script_tag(path=str(AXE_SCRIPT))
    results = page.evaluate("(options) => window.axe.run(document, options)", AXE_OPTIONS)
    return [describe(violation) for violation in results["violations"] if violation["impact"] in BLOCKING_IMPACTS]
