"""``manage.py purge_expired``: delete the personal data past its retention period
(``RETENTION`` setting; ``members.privacy.retention``). Idempotent; ``--dry-run``
only prints what would go; ``--enqueue`` hands the run to the task worker. Run it
daily (cron or a systemd timer, README "Retention"); every run is logged."""

from django.core.management.base import BaseCommand

from members.privacy.retention import retention_purge
from members.privacy.tasks import retention_purge_task


class Command(BaseCommand):
    help = "Delete personal data past its retention period (see RETENTION)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Count what would be deleted, per kind; delete nothing.",
        )
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="Queue members.privacy.tasks.retention_purge_task instead.",
        )

    def handle(self, *args, dry_run: bool = False, enqueue: bool = False, **options):
        if enqueue:
            result = retention_purge_task.enqueue()
            self.stdout.write(f"Queued retention purge task {result.id}.")
            return
        run = retention_purge(dry_run=dry_run)
        verb = "would delete" if dry_run else "deleted"
        for kind, count in run.counts.items():
            self.stdout.write(f"{kind}: {verb} {count}")
        self.stdout.write(f"Retention run {run.pk} logged.")
