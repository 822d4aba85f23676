from wagtail import blocks


class NavigationItemBlock(blocks.StructBlock):
    section = blocks.PageChooserBlock(page_type="sections.SectionPage")
    label = blocks.CharBlock(
        required=False, max_length=60, help_text="Shown in the menu; the section's title if empty."
    )

    class Meta:
        icon = "list-ul"


class CityGuideNavigationItemBlock(NavigationItemBlock):
    """The city guide (``listings.ListingsIndexPage``) as a menu entry.

    A block of its own rather than a second page type on the section chooser:
    a chooser of one page type loads its pages specific in one query, which
    the menu on every page relies on.
    """

    section = blocks.PageChooserBlock(page_type="listings.ListingsIndexPage", label="City guide")

    class Meta:
        icon = "date"
