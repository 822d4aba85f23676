from broadsheet.people.models import Person


def make_person(name: str, **fields) -> Person:
    return Person.objects.create(name=name, **fields)
