"""``manage.py send_digest``: mail each confirmed subscriber what was published
since their last digest (``members.subscriptions.digest``). Safe to run often and
concurrently — nobody gets the same items twice. Schedule it daily or weekly
(README, "Member activity"); ``--enqueue`` hands the run to the task worker."""

from django.core.management.base import BaseCommand

from members.subscriptions.digest import digest_send_all
from members.subscriptions.tasks import digest_send_task


class Command(BaseCommand):
    help = "Mail the subscription digest to every confirmed subscriber."

    def add_arguments(self, parser):
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="Queue members.subscriptions.tasks.digest_send_task instead of "
            "running it here.",
        )

    def handle(self, *args, enqueue: bool = False, **options):
        if enqueue:
            result = digest_send_task.enqueue()
            self.stdout.write(f"Queued digest task {result.id}.")
            return
        sent = digest_send_all()
        self.stdout.write(f"Digest sent to {sent} subscriber(s).")
