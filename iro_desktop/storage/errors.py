"""Errors the store raises, each with a message that tells the IRO what to do."""

from iro_desktop.errors import UserError


class StoreError(UserError):
    """A problem opening or using the caseload file. ``str(error)`` is for the user."""


class StoreNotFound(StoreError):
    pass


class WrongPassphrase(StoreError):
    pass


class NotACaseloadFile(StoreError):
    pass


class NewerSchema(StoreError):
    pass
