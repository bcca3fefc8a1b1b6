"""The one base class for problems a user can put right.

``str(error)`` is a complete sentence for the IRO saying what happened and what to do. The
command line prints it on one line; the GUI shows it in a dialog. Every feature's own errors
(the store's, an import's, a letter template's ...) subclass it.
"""


class UserError(Exception):
    """A problem the user can fix; the message says how."""
