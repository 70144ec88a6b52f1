"""The HTML report's colours: readable (WCAG AA, 4.5:1) in light, dark and print."""

from __future__ import annotations

import re

import pytest

from resdiff.render.html import stylesheet

PAIRS = [
    ("fg", "bg"),
    ("muted", "bg"),
    ("link", "bg"),
    ("del-fg", "del-bg"),
    ("ins-fg", "ins-bg"),
    ("badge-fg", "badge-bg"),
    ("flag-fg", "flag-bg"),
    ("fg", "panel"),
]


def _schemes() -> dict[str, dict[str, str]]:
    css = stylesheet()
    light = css[css.index(":root {") : css.index("}", css.index(":root {"))]
    dark_at = css.index("@media (prefers-color-scheme: dark)")
    dark = css[dark_at : css.index("}", dark_at)]
    print_at = css.index("@media print")
    printed = css[print_at : css.index("}", print_at)]

    def variables(block: str) -> dict[str, str]:
        return dict(re.findall(r"--([a-z-]+):\s*([^;]+);", block))

    base = variables(light)
    return {
        "light": base,
        "dark": {**base, **variables(dark)},
        "print": {**base, **variables(printed)},
    }


RGB = tuple[float, float, float]


def _rgb(colour: str, under: RGB | None = None) -> RGB:
    """#rgb or #rrggbb; 'transparent' shows what is ``under`` it."""
    if colour == "transparent":
        assert under is not None
        return under
    hexa = colour.lstrip("#")
    if len(hexa) == 3:
        hexa = "".join(c * 2 for c in hexa)
    r, g, b = (int(hexa[i : i + 2], 16) / 255 for i in (0, 2, 4))
    return r, g, b


def _luminance(rgb: RGB) -> float:
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


@pytest.mark.parametrize("scheme", ["light", "dark", "print"])
@pytest.mark.parametrize(("fg", "bg"), PAIRS)
def test_contrast_at_least_aa(scheme: str, fg: str, bg: str) -> None:
    colours = _schemes()[scheme]
    back = _rgb(colours[bg], _rgb(colours["bg"]))
    front = _rgb(colours[fg], back)
    high, low = sorted((_luminance(front), _luminance(back)), reverse=True)
    ratio = (high + 0.05) / (low + 0.05)
    assert ratio >= 4.5, f"{scheme}: --{fg} on --{bg} is {ratio:.2f}:1"
