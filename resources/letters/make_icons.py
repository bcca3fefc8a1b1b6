"""Draw the easy-read pictures in icons/ (the project's own work; see ICONS-LICENSE.txt).

    .venv/bin/python resources/letters/make_icons.py

Simple, bold shapes on a pale circle, one idea each, so they print clearly in black and white
too. Each is 240 x 240 pixels.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib import patches

HERE = Path(__file__).resolve().parent / "icons"
INK = "#1b2a3a"
BLUE = "#2e6fa7"
GREEN = "#2f8f4e"
YELLOW = "#f2b705"
GREY = "#7a8591"
RED = "#c0392b"
BACK = "#eef3f8"


def _canvas():
    fig = plt.figure(figsize=(2.4, 2.4), dpi=100)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, 10)
    ax.set_ylim(0, 10)
    ax.set_aspect("equal")
    ax.axis("off")
    ax.add_patch(patches.Circle((5, 5), 4.9, color=BACK, zorder=0))
    return fig, ax


def _person(ax, x, y, scale=1.0, color=BLUE):
    ax.add_patch(patches.Circle((x, y + 1.3 * scale), 0.6 * scale, color=color))
    ax.add_patch(
        patches.FancyBboxPatch(
            (x - 0.8 * scale, y - 0.9 * scale),
            1.6 * scale,
            1.7 * scale,
            boxstyle=f"round,pad=0,rounding_size={0.6 * scale}",
            color=color,
        )
    )


def review(ax):  # people at a meeting, round a table
    for x, c in ((2.6, BLUE), (5.0, GREEN), (7.4, BLUE)):
        _person(ax, x, 5.0, 0.9, c)
    ax.add_patch(patches.FancyBboxPatch((1.4, 2.4), 7.2, 1.4, boxstyle="round,pad=0.1", color=INK))


def views(ax):  # a speech bubble with lines
    ax.add_patch(
        patches.FancyBboxPatch(
            (1.5, 3.6),
            7,
            4.2,
            boxstyle="round,pad=0.2,rounding_size=1",
            color="white",
            ec=INK,
            lw=4,
        )
    )
    ax.add_patch(patches.Polygon([(3, 3.7), (2.4, 2.0), (4.4, 3.7)], color="white", ec=INK, lw=4))
    ax.add_patch(patches.Rectangle((2.9, 3.5), 1.4, 0.5, color="white"))
    for y in (6.6, 5.6, 4.6):
        ax.plot([2.8, 7.2 if y > 5 else 5.6], [y, y], color=INK, lw=5, solid_capstyle="round")


def going_well(ax):  # a smiling sun
    ax.add_patch(patches.Circle((5, 5), 2.2, color=YELLOW))
    import math

    for i in range(8):
        a = i * math.pi / 4
        ax.plot(
            [5 + 2.7 * math.cos(a), 5 + 3.6 * math.cos(a)],
            [5 + 2.7 * math.sin(a), 5 + 3.6 * math.sin(a)],
            color=YELLOW,
            lw=6,
            solid_capstyle="round",
        )
    ax.add_patch(patches.Circle((4.2, 5.6), 0.3, color=INK))
    ax.add_patch(patches.Circle((5.8, 5.6), 0.3, color=INK))
    ax.add_patch(patches.Arc((5, 4.9), 2.4, 1.8, theta1=200, theta2=340, color=INK, lw=4))


def worries(ax):  # a grey cloud with rain
    for x, y, r in ((3.6, 5.6, 1.5), (5.4, 6.3, 1.9), (7.0, 5.5, 1.3)):
        ax.add_patch(patches.Circle((x, y), r, color=GREY))
    ax.add_patch(patches.Rectangle((3.6, 4.1), 3.4, 1.5, color=GREY))
    for x in (3.8, 5.2, 6.6):
        ax.plot([x, x - 0.4], [3.4, 2.3], color=BLUE, lw=5, solid_capstyle="round")


def next_steps(ax):  # a list with ticks
    ax.add_patch(
        patches.FancyBboxPatch(
            (2.3, 1.6), 5.4, 6.8, boxstyle="round,pad=0.1", color="white", ec=INK, lw=4
        )
    )
    for y in (6.8, 5.0, 3.2):
        ax.plot(
            [3.1, 3.6, 4.4],
            [y, y - 0.5, y + 0.5],
            color=GREEN,
            lw=5,
            solid_capstyle="round",
            solid_joinstyle="round",
        )
        ax.plot([5.0, 6.9], [y, y], color=INK, lw=5, solid_capstyle="round")


def adult_life(ax):  # a house with a key
    ax.add_patch(patches.Polygon([(2, 5.2), (5, 8), (8, 5.2)], color=BLUE))
    ax.add_patch(patches.Rectangle((2.8, 2), 4.4, 3.3, color=BLUE))
    ax.add_patch(patches.Rectangle((4.4, 2), 1.2, 2.0, color="white"))
    ax.add_patch(patches.Circle((7.4, 2.6), 0.8, color=YELLOW))
    ax.plot([6.9, 5.6], [3.1, 4.4], color=YELLOW, lw=6)


def next_review(ax):  # a calendar page
    ax.add_patch(
        patches.FancyBboxPatch(
            (2, 1.8), 6, 6, boxstyle="round,pad=0.1", color="white", ec=INK, lw=4
        )
    )
    ax.add_patch(patches.Rectangle((2, 6.3), 6, 1.5, color=RED))
    for x in (3.5, 6.5):
        ax.plot([x, x], [7.3, 8.4], color=INK, lw=6, solid_capstyle="round")
    for row in range(3):
        for col in range(4):
            ax.add_patch(
                patches.Rectangle(
                    (2.7 + col * 1.25, 4.8 - row * 1.2),
                    0.7,
                    0.7,
                    color=GREY if (row, col) != (1, 2) else GREEN,
                )
            )


def reach_me(ax):  # a phone
    ax.add_patch(
        patches.FancyBboxPatch(
            (3.4, 1.6), 3.2, 6.8, boxstyle="round,pad=0.1,rounding_size=0.6", color=INK
        )
    )
    ax.add_patch(patches.Rectangle((3.8, 2.9), 2.4, 4.6, color="white"))
    ax.add_patch(patches.Circle((5, 2.25), 0.3, color="white"))


def rights(ax):  # a raised hand
    ax.add_patch(
        patches.FancyBboxPatch(
            (3.3, 1.8), 3.6, 3.6, boxstyle="round,pad=0.1,rounding_size=1.2", color=GREEN
        )
    )
    for i, h in enumerate((2.6, 3.2, 3.0, 2.4)):
        x = 3.5 + i * 0.9
        ax.add_patch(
            patches.FancyBboxPatch(
                (x, 4.6), 0.6, h, boxstyle="round,pad=0.05,rounding_size=0.3", color=GREEN
            )
        )
    ax.add_patch(
        patches.FancyBboxPatch(
            (2.0, 3.6),
            1.7,
            0.7,
            boxstyle="round,pad=0.05,rounding_size=0.3",
            color=GREEN,
            transform=ax.transData,
        )
    )


def carer_note(ax):  # a heart
    import numpy as np

    t = np.linspace(0, 2 * np.pi, 200)
    x = 16 * np.sin(t) ** 3
    y = 13 * np.cos(t) - 5 * np.cos(2 * t) - 2 * np.cos(3 * t) - np.cos(4 * t)
    ax.fill(5 + x * 0.19, 5.3 + y * 0.19, color=RED)


ICONS = (
    review,
    views,
    going_well,
    worries,
    next_steps,
    adult_life,
    next_review,
    reach_me,
    rights,
    carer_note,
)


def main() -> None:
    HERE.mkdir(exist_ok=True)
    for draw in ICONS:
        fig, ax = _canvas()
        draw(ax)
        fig.savefig(HERE / f"{draw.__name__}.png", dpi=100, transparent=True)
        plt.close(fig)
    print("wrote", len(ICONS), "icons to", HERE)


if __name__ == "__main__":
    main()
