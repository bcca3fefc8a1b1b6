"""``iro-desktop backup``, ``restore``, ``passphrase``, ``subject-access`` and ``purge``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from iro_desktop.cli.common import (
    UsageError,
    ask_secret,
    open_store_for,
    say_demo,
    store_options,
    today_from,
)
from iro_desktop.i18n import _
from iro_desktop.paths import default_store_path
from iro_desktop.services import passphrases, safety, session
from iro_desktop.services.session import PASSPHRASE_ENV

NEW_PASSPHRASE_ENV = "IRO_DESKTOP_NEW_PASSPHRASE"


def register(commands: argparse._SubParsersAction) -> None:
    backup = commands.add_parser(
        "backup", help=_("take an encrypted backup now (or --list the backups)")
    )
    store_options(backup)
    backup.add_argument("--list", action="store_true", help=_("list the backups, newest first"))
    backup.set_defaults(handler=cmd_backup)

    restore = commands.add_parser(
        "restore", help=_("put a backup in place of the caseload (the replaced file is kept)")
    )
    restore.add_argument("--db", type=Path, required=True, help=_("the caseload file to replace"))
    restore.add_argument("backup", type=Path, metavar="BACKUP", help=_("the backup file"))
    restore.set_defaults(handler=cmd_restore)

    passphrase = commands.add_parser("passphrase", help=_("change the caseload's passphrase"))
    passphrase.add_argument("--db", type=Path, help=_("the caseload file (default: your own)"))
    passphrase.add_argument(
        "--keep-old-backups",
        action="store_true",
        help=_("leave the backups under the old passphrase (default: re-encrypt them too)"),
    )
    passphrase.set_defaults(handler=cmd_passphrase)

    access = commands.add_parser(
        "subject-access", help=_("everything held about one child, as a Word document")
    )
    store_options(access, with_json=False)
    access.add_argument("--child", required=True, metavar="REF", help=_("the child's reference"))
    access.add_argument("--out", type=Path, required=True, metavar="FILE.docx")
    access.set_defaults(handler=cmd_subject_access)

    purge = commands.add_parser(
        "purge", help=_("delete for good the children archived past the retention period")
    )
    store_options(purge)
    purge.add_argument("--yes", action="store_true", help=_("do not ask for confirmation"))
    purge.set_defaults(handler=cmd_purge)


def _secret(env: str, prompt: str, **twice: str) -> str:
    return ask_secret(
        env,
        prompt,
        not_a_terminal=_(
            "A passphrase is needed: set %(env)s for scripted use, or run in a terminal."
        )
        % {"env": env},
        **twice,
    )


def cmd_backup(args: argparse.Namespace) -> int:
    store = open_store_for(args)
    try:
        if args.list:
            found = session.list_backups(store.path)
            if args.json:
                print(json.dumps([b.as_json() for b in found], indent=2))
                return 0
            say_demo(store, args)
            if not found:
                print(
                    _("No backups yet in %(path)s.") % {"path": session.backup_folder(store.path)}
                )
            for b in found:
                print(f"  {b.describe():<44} {b.path.name}")
            return 0
        info = safety.backup_now(store)
        kept = session.list_backups(store.path)
    finally:
        store.close()
    if args.json:
        print(json.dumps(info.as_json(), indent=2))
        return 0
    say_demo(store, args)
    print(_("Backed up to %(path)s") % {"path": info.path})
    print(
        _(
            "%(count)s backup(s) kept in %(parent)s; older ones are removed in "
            "rotation (see the settings)."
        )
        % {"count": len(kept), "parent": info.path.parent}
    )
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    passphrase = _secret(PASSPHRASE_ENV, _("Passphrase the backup was made with: "))
    result = session.restore_backup(args.db, args.backup, passphrase)
    print(_("Restored %(db)s from %(name)s.") % {"db": args.db, "name": result.restored_from.name})
    if result.kept_as is not None:
        print(_("The file it replaced is kept as %(kept_as)s.") % {"kept_as": result.kept_as})
    print(_("It opens with the passphrase you gave."))
    return 0


def cmd_passphrase(args: argparse.Namespace) -> int:
    path = args.db or default_store_path()
    old = _secret(PASSPHRASE_ENV, _("Current passphrase: "))
    new = _secret(
        NEW_PASSPHRASE_ENV,
        _("New passphrase (four or five ordinary words): "),
        again=_("Type the new passphrase again: "),
        differ=_("The two new passphrases differ; nothing was changed. Try again."),
    )
    change = passphrases.change_passphrase(
        path, old, new, rekey_backups_too=not args.keep_old_backups
    )
    print(_("The passphrase of %(path)s is changed.") % {"path": path})
    if args.keep_old_backups:
        print(_("Backups taken before now still open with the old passphrase."))
    else:
        print(
            _("%(backups_rekeyed)s backup(s) re-encrypted with the new passphrase.")
            % {"backups_rekeyed": change.backups_rekeyed}
        )
        if change.backups_left:
            print(
                _(
                    "%(backups_left)s backup(s) did not open with the old passphrase "
                    "and were left as they were."
                )
                % {"backups_left": change.backups_left}
            )
    print(_("Keep the new passphrase safe: without it nobody, including IT, can open the file."))
    return 0


def cmd_subject_access(args: argparse.Namespace) -> int:
    if args.out.suffix.lower() != ".docx":
        raise UsageError(_("--out must name a Word file ending in .docx."))
    store = open_store_for(args)
    try:
        report = safety.subject_access_export(store, args.child, args.out, today_from(args))
    finally:
        store.close()
    say_demo(store, args)
    records = sum(report.records.values())
    print(
        _(
            "Wrote %(path)s: %(records)s record(s) and %(history_entries)s "
            "change(s) held about %(child_ref)s."
        )
        % {
            "path": report.path,
            "records": records,
            "history_entries": report.history_entries,
            "child_ref": report.child_ref,
        }
    )
    print(_("It holds personal data: send it securely and do not leave a copy lying about."))
    return 0


def cmd_purge(args: argparse.Namespace) -> int:
    store = open_store_for(args)
    try:
        today = today_from(args)
        candidates = safety.purge_candidates(store, today)
        if args.json and not args.yes:
            print(json.dumps([c.as_json() for c in candidates], indent=2))
            return 0
        say_demo(store, args)
        if not candidates:
            print(_("Nobody is due to be purged: no child was archived long enough ago."))
            return 0
        print(
            _(
                "%(count)s child record(s) were archived before the retention "
                "period and will be deleted for good, with their history:"
            )
            % {"count": len(candidates)}
        )
        for c in candidates:
            archived = _("archived %(date)s") % {"date": c.archived_on.isoformat()}
            print(f"  {c.child_ref:<12} {c.initials:<4} {archived}")
        if not args.yes:
            if not sys.stdin.isatty():
                raise UsageError(_("Run in a terminal to confirm, or add --yes to purge."))
            # Translators: the answer that confirms stays "yes" in every language.
            answer = input(_("Delete these records for good? Type yes to confirm: "))
            if answer.strip().lower() != "yes":
                print(_("Nothing was deleted."))
                return 0
        result = safety.purge(store, today, [c.child_ref for c in candidates])
    finally:
        store.close()
    print(
        _(
            "Purged %(children)s child record(s) (%(rows)s rows, "
            "%(history_entries)s history entries). Backups from before now "
            "still hold them until they age out of rotation."
        )
        % {
            "children": result.children,
            "rows": result.rows,
            "history_entries": result.history_entries,
        }
    )
    return 0
