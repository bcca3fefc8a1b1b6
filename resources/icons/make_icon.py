"""Draw IRO Desktop's application icon: a calendar page with a tick, on a teal tile.

Run after changing the drawing; the outputs are committed (they are small):
  python resources/icons/make_icon.py
writes iro-desktop-SIZE.png for the sizes Linux desktops use (hicolor theme) and iro-desktop.ico (16-256, for Windows: the .exe, the installer and the Start menu).
Drawn large and scaled down, so every size is smooth.
"""

from pathlib import Path

from PIL import Image, ImageDraw

HERE = Path(__file__).resolve().parent
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = [(s, s) for s in (16, 24, 32, 48, 64, 128, 256)]
TEAL, WHITE, RED, INK = "#1d6b73", "#ffffff", "#d9534f", "#1d6b73"


def draw(size: int = 1024) -> Image.Image:
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    unit = size / 16
    pen.rounded_rectangle((0, 0, size - 1, size - 1), radius=3 * unit, fill=TEAL)
    page = (3 * unit, 3.5 * unit, 13 * unit, 13 * unit)
    pen.rounded_rectangle(page, radius=1.2 * unit, fill=WHITE)
    pen.rounded_rectangle((3 * unit, 3.5 * unit, 13 * unit, 6 * unit), radius=1.2 * unit, fill=RED)
    pen.rectangle((3 * unit, 5 * unit, 13 * unit, 6 * unit), fill=RED)
    for x in (5.5, 10.5):  # the rings
        pen.rounded_rectangle(
            (x * unit - 0.5 * unit, 2.2 * unit, x * unit + 0.5 * unit, 4.8 * unit),
            radius=0.5 * unit,
            fill=WHITE,
            outline=INK,
            width=int(0.25 * unit),
        )
    tick = [(5.3 * unit, 9.4 * unit), (7.3 * unit, 11.3 * unit), (10.9 * unit, 7.4 * unit)]
    pen.line(tick, fill=INK, width=int(1.3 * unit), joint="curve")
    return image


def main() -> None:
    big = draw()
    for size in PNG_SIZES:
        big.resize((size, size), Image.Resampling.LANCZOS).save(HERE / f"iro-desktop-{size}.png")
    big.save(HERE / "iro-desktop.ico", sizes=ICO_SIZES)


if __name__ == "__main__":
    main()
