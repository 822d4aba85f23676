"""``{% load picture_tags %}``: Wagtail's ``image`` and ``srcset_image`` tags, parsed once.

The same tags, arguments and output as ``wagtailimages_tags``. Wagtail's
nodes build new ``Filter`` objects for every rendering, and each new filter
parses its spec again (``Filter.operations`` inspects every operation's
signature): about a twentieth of a full bake's time went there. These nodes
keep their filters for the life of the compiled template, so each spec is
parsed once per process.
"""

from django import template
from wagtail.images.templatetags.wagtailimages_tags import ImageNode, SrcsetImageNode
from wagtail.images.templatetags.wagtailimages_tags import image as parse_image_tag

register = template.Library()


class ReusedFilterImageNode(ImageNode):
    def get_filter(self):
        if not hasattr(self, "_filter"):
            self._filter = super().get_filter()
        return self._filter


class ReusedFiltersSrcsetImageNode(SrcsetImageNode):
    def get_filters(self):
        if not hasattr(self, "_filters"):
            self._filters = super().get_filters()
        return list(self._filters)


NODES = {ImageNode: ReusedFilterImageNode, SrcsetImageNode: ReusedFiltersSrcsetImageNode}


def _reusing_filters(parser: template.base.Parser, token: template.base.Token) -> template.Node:
    node = parse_image_tag(parser, token)  # Wagtail's parsing and error messages
    reusing = NODES[type(node)]
    return reusing(node.image_expr, node.filter_specs, attrs=node.attrs, output_var_name=node.output_var_name)


register.tag("image", _reusing_filters)
register.tag("srcset_image", _reusing_filters)
