from wagtail import blocks


class NavigationItemBlock(blocks.StructBlock):
    section = blocks.PageChooserBlock(page_type="sections.SectionPage")
    label = blocks.CharBlock(
        required=False, max_length=60, help_text="Shown in the menu; the section's title if empty."
    )

    class Meta:
        icon = "list-ul"
