"""``{% load baking_tags %}``: ``{% bake_once "name" %}…{% endbake_once %}``.

Renders its contents once per bake for each value of the fragment's vary
function (see ``broadsheet.publishing.fragments``); an unknown name is a
template syntax error, so a typo cannot silently share a page-specific part.
"""

from django import template

from broadsheet.publishing import fragments, record

register = template.Library()


class BakeOnceNode(template.Node):
    def __init__(self, name: str, nodelist: template.NodeList) -> None:
        self.name = name
        self.nodelist = nodelist

    def render(self, context: template.Context) -> str:
        store = fragments.cached_fragments()
        if store is None:
            return self.nodelist.render(context)
        key = (self.name, fragments.VARY[self.name](context))
        if self.name in fragments.PER_ITEM:
            return fragments.item_fragment(store, key, lambda: self.nodelist.render(context))
        record.depends_on(f"fragment:{self.name}")
        if key not in store:
            with record.paused():
                store[key] = self.nodelist.render(context)
        return store[key]


@register.tag
def bake_once(parser: template.base.Parser, token: template.base.Token) -> BakeOnceNode:
    bits = token.split_contents()
    if len(bits) != 2 or bits[1][0] not in "\"'" or bits[1][1:-1] not in fragments.VARY:
        raise template.TemplateSyntaxError(
            f'{bits[0]} takes one quoted name of {sorted(fragments.VARY)}, e.g. "ticker"'
        )
    nodelist = parser.parse(("endbake_once",))
    parser.delete_first_token()
    return BakeOnceNode(bits[1][1:-1], nodelist)
