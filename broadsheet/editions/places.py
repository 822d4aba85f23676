"""Distribution points grouped the way the "Where to find us" page shows them."""

from dataclasses import dataclass, field

from .models import DistributionKind, DistributionPoint


@dataclass
class KindPlaces:
    kind: DistributionKind
    points: list[DistributionPoint] = field(default_factory=list)


@dataclass
class CityPlaces:
    name: str
    slug: str
    kinds: list[KindPlaces] = field(default_factory=list)

    @property
    def point_count(self) -> int:
        return sum(len(group.points) for group in self.kinds)


def group_by_city(points: list[DistributionPoint]) -> list[CityPlaces]:
    """Cities in alphabetical order, each with its kinds in ``DistributionKind`` order.

    A city is known by its slug: "Fairwater" and "fairwater" typed in two
    rows are one city, shown under the first spelling met.
    """
    cities: dict[str, CityPlaces] = {}
    by_kind: dict[tuple[str, str], KindPlaces] = {}
    for point in points:
        city = cities.setdefault(point.city_slug, CityPlaces(name=point.city, slug=point.city_slug))
        key = (point.city_slug, point.kind)
        if key not in by_kind:
            by_kind[key] = KindPlaces(kind=DistributionKind(point.kind))
            city.kinds.append(by_kind[key])
        by_kind[key].points.append(point)
    order = {value: position for position, value in enumerate(DistributionKind.values)}
    for city in cities.values():
        city.kinds.sort(key=lambda group: order[group.kind])
    return sorted(cities.values(), key=lambda city: city.name.casefold())
