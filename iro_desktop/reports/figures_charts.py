"""Charts of the IRO's figures, as matplotlib ``Figure`` objects.

Each function returns a plain ``matplotlib.figure.Figure`` built without pyplot, so it has no
backend of its own: the GUI shows it on a Qt canvas (``FigureCanvasQTAgg(figure)``), and
:func:`chart_png` renders it through the Agg backend explicitly for the Word summary. This
module never imports Qt.

Accessible: every axis is labelled, every bar carries its value, and series differ by hatching
and by label as well as by colour (Okabe-Ito colours, safe for colour blindness).
"""

from __future__ import annotations

import io

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from iro_desktop.domain.figures.model import PN_CODES, Figures
from iro_desktop.domain.figures.tables import month_label

__all__ = [
    "challenges_by_theme_chart",
    "chart_png",
    "charts_for",
    "participation_chart",
    "timeliness_by_month_chart",
]

# Okabe-Ito: distinguishable with the common colour-vision deficiencies.
BLUE = "#0072B2"
ORANGE = "#E69F00"
VERMILION = "#D55E00"
GREEN = "#009E73"
GREY = "#999999"
SKY = "#56B4E9"

WIDTH, HEIGHT = 8.0, 4.5  # inches: fits a Word page at 16 cm wide


def _figure(height: float = HEIGHT) -> Figure:
    figure = Figure(figsize=(WIDTH, height), layout="constrained")
    return figure


def timeliness_by_month_chart(fig: Figures) -> Figure:
    """Reviews each month: held in time, held late and missed, stacked in one bar per month.

    The in-time number is written inside its segment; the late and missed numbers beside
    their (often thin) segments, so that every number can be read."""
    figure = _figure()
    ax = figure.add_subplot()
    months = sorted(fig.reviews_by_month)
    labels = [month_label(m).replace(" ", "\n") for m in months]
    in_time = [fig.reviews_by_month[m]["in_time"] for m in months]
    late = [fig.reviews_by_month[m]["late"] for m in months]
    missed = [fig.reviews_by_month[m]["missed"] for m in months]
    x = list(range(len(months)))
    width = 0.6
    held = [a + b for a, b in zip(in_time, late, strict=True)]
    bars_in = ax.bar(x, in_time, width, label="Held in time", color=BLUE, edgecolor="black")
    ax.bar(
        x,
        late,
        width,
        bottom=in_time,
        linewidth=[1 if v else 0 for v in late],
        label="Held late",
        color=ORANGE,
        edgecolor="black",
        hatch="///",
    )
    ax.bar(
        x,
        missed,
        width,
        bottom=held,
        linewidth=[1 if v else 0 for v in missed],
        label="Missed (fell due, not held)",
        color=VERMILION,
        edgecolor="black",
        hatch="xx",
    )
    ax.bar_label(
        bars_in,
        labels=[str(v) if v else "" for v in in_time],
        label_type="center",
        color="white",
        fontweight="bold",
        fontsize=9,
    )
    for i in x:
        for value, bottom, word in ((late[i], in_time[i], "late"), (missed[i], held[i], "missed")):
            if value:
                ax.annotate(
                    f"{value} {word}",
                    (i + width / 2, bottom + value / 2),
                    xytext=(3, 0),
                    textcoords="offset points",
                    va="center",
                    ha="left",
                    fontsize=8,
                )
    ax.set_xticks(x, labels, fontsize=8)
    ax.set_xlabel("Month (reviews by the month held; missed reviews by the month due)")
    ax.set_ylabel("Number of reviews")
    ax.set_title("Reviews by month: in time, late and missed")
    top = max([h + m for h, m in zip(held, missed, strict=True)] + [1])
    ax.set_ylim(0, top * 1.08 + 0.5)
    ax.set_xlim(-0.6, len(months) - 0.2)
    ax.yaxis.get_major_locator().set_params(integer=True)
    figure.legend(loc="outside lower center", frameon=False, fontsize=9, ncols=3)
    ax.spines[["top", "right"]].set_visible(False)
    return figure


_PN_GROUPS = (
    ("Under 4 (PN0)", frozenset({"PN0"}), GREY, ""),
    ("Attended (PN1-PN4)", frozenset({"PN1", "PN2", "PN3", "PN4"}), BLUE, ""),
    ("Did not attend, views given (PN5-PN6)", frozenset({"PN5", "PN6"}), GREEN, "..."),
    ("Views not given (PN7)", frozenset({"PN7"}), VERMILION, "xx"),
)


def participation_chart(fig: Figures) -> Figure:
    """Reviews held by participation code, grouped by what the code means."""
    figure = _figure()
    ax = figure.add_subplot()
    counts = [fig.participation.get(code, 0) for code in PN_CODES]
    y = list(range(len(PN_CODES)))
    for label, codes, colour, hatch in _PN_GROUPS:
        rows = [i for i, code in enumerate(PN_CODES) if code in codes]
        bars = ax.barh(
            [y[i] for i in rows],
            [counts[i] for i in rows],
            color=colour,
            edgecolor="black",
            hatch=hatch,
            label=label,
        )
        ax.bar_label(bars, labels=[str(counts[i]) for i in rows], padding=3, fontsize=9)
    ax.set_yticks(y, list(PN_CODES))
    ax.invert_yaxis()
    ax.set_xlabel("Number of reviews held in the period")
    ax.set_ylabel("Participation code (DfE SSDA903)")
    ax.set_title("How children took part in their reviews")
    ax.set_xlim(0, max([*counts, 1]) * 1.15 + 0.5)
    ax.xaxis.get_major_locator().set_params(integer=True)
    figure.legend(loc="outside lower center", frameon=False, fontsize=9, ncols=2)
    ax.spines[["top", "right"]].set_visible(False)
    return figure


def challenges_by_theme_chart(fig: Figures) -> Figure:
    """Challenges raised in the period by theme."""
    figure = _figure(height=3.6)
    ax = figure.add_subplot()
    items = sorted(fig.challenges_by_theme.items(), key=lambda kv: (-kv[1], kv[0]))
    ax.set_title("Challenges raised by theme")
    ax.set_xlabel("Number of challenges raised in the period")
    ax.set_ylabel("Theme")
    ax.spines[["top", "right"]].set_visible(False)
    if not items:
        ax.text(
            0.5,
            0.5,
            "No challenges were raised in the period",
            ha="center",
            va="center",
            transform=ax.transAxes,
            fontsize=11,
        )
        ax.set_xticks([])
        ax.set_yticks([])
        return figure
    themes = [theme for theme, _ in items]
    values = [n for _, n in items]
    bars = ax.barh(range(len(items)), values, color=SKY, edgecolor="black", hatch="//")
    ax.bar_label(bars, labels=[str(v) for v in values], padding=3, fontsize=9)
    ax.set_yticks(range(len(items)), themes)
    ax.invert_yaxis()
    ax.set_xlim(0, max(values) * 1.15 + 0.5)
    ax.xaxis.get_major_locator().set_params(integer=True)
    return figure


def charts_for(fig: Figures) -> dict[str, Figure]:
    """Every chart, keyed by the table it goes with."""
    return {
        "reviews_by_month": timeliness_by_month_chart(fig),
        "participation_codes": participation_chart(fig),
        "challenges_by_theme": challenges_by_theme_chart(fig),
    }


def chart_png(figure: Figure, dpi: int = 150) -> bytes:
    """The chart as PNG bytes, drawn by the Agg backend (no display, no Qt)."""
    FigureCanvasAgg(figure)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi, facecolor="white")
    return buffer.getvalue()
