"""The IRO's figures for a period: the tables an IRO service's annual report asks for.

``counting`` works them out (:func:`~.counting.figures_for`), ``missed`` finds the reviews
that fell due and were never held, ``classify`` reads the IRO's free-text notes, ``combine``
adds several IROs' figures up; ``model`` holds the record of counts, ``definitions`` and
``tables`` present them (labels, definitions and table layout).

Entry point: :func:`figures_for` (records, settings, calendar, period) -> :class:`Figures`.
Pure: no clock (``as_of``, "today", is passed in when the period has not ended), no I/O.
Every figure is a count, or a :class:`Ratio` carrying its numerator and denominator; the
definition each table uses is in :data:`DEFINITIONS`, written beside the table by
:func:`figure_tables`. A ``Figures`` holds counts only, never a name, reference or date of
birth, so that several IROs' figures can be added up into the service's (:func:`combine`).

Which children count: each child counts for the IRO holding them at the end of the period.
A child on this caseload then, or who left care (or turned 18, or whose short breaks ended)
while on it, counts here with their whole period; a child archived while still in care was
handed over to another IRO, who counts them (the handover carries the history).
"""
