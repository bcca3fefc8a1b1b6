"""The IRO's diary as an iCalendar file: booked reviews, pre-review meetings and the IRO's own
statutory deadlines, for Outlook, Google or Apple calendars to import.

``events`` decides what goes in the diary and what each entry says (initials and the child's
reference only: calendars sync to servers); ``ics`` writes the entries as iCalendar with the
``icalendar`` library. The service (``services/diary.py``) reads the caseload and writes the
file through the one safe-write helper.
"""
