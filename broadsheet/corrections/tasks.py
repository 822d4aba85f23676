"""Telling the desk about a new report, by e-mail, outside the reader's request."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django_tasks import task

logger = logging.getLogger("broadsheet.corrections")


def desk_addresses() -> list[str]:
    raw = getattr(settings, "BROADSHEET_CORRECTIONS_EMAIL", "")
    return [address.strip() for address in raw.split(",") if address.strip()]


@task()
def notify_desk(report_id: int) -> None:
    from .models import ErrorReport

    recipients = desk_addresses()
    report = ErrorReport.objects.select_related("page").filter(pk=report_id).first()
    if not recipients or report is None:
        return
    admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("corrections_errorreport:edit", args=[report.pk])
    same = report.same_passage().count()
    lines = [
        f"A reader reports an error on “{report.page.title}”.",
        "",
        f"Passage: {report.selected_text}",
        f"Comment: {report.comment or '(none)'}",
        f"Reply to: {report.email or '(no address given)'}",
    ]
    if same:
        lines.append(f"{same} other report(s) name the same passage.")
    lines += ["", f"Triage it in the admin: {admin_url}"]
    send_mail(
        subject=f"Error report: {report.page.title}"[:150],
        message="\n".join(lines),
        from_email=None,
        recipient_list=recipients,
    )
    logger.info("Desk notified of error report %s", report.pk)
