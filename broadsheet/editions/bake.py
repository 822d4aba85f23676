"""The addresses the static bake must render for print editions and "Where to find us"."""

from django.urls import reverse

from .models import DistributionKind, DistributionPoint, PrintEdition


def public_urls() -> list[str]:
    editions = PrintEdition.objects.published()
    urls = [reverse("editions:archive"), reverse("editions:feed"), reverse("editions:where-to-find")]
    urls += [reverse("editions:year", kwargs={"year": str(year)}) for year in editions.years()]
    urls += [edition.get_absolute_url() for edition in editions.only("issue_number", "date")]
    cities = sorted(set(DistributionPoint.objects.values_list("city_slug", flat=True)))
    for kind in DistributionKind.values:
        urls.append(reverse("editions:where-to-find-everywhere", kwargs={"kind": kind}))
    for city in cities:
        urls.append(reverse("editions:where-to-find-city", kwargs={"city": city}))
        urls += [
            reverse("editions:where-to-find-kind", kwargs={"city": city, "kind": k}) for k in DistributionKind.values
        ]
    return urls
