from broadsheet.taxonomy.models import Tag


def make_tag(name: str, **fields) -> Tag:
    return Tag.objects.create(name=name, **fields)
