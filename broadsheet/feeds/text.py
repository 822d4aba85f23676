"""Text that XML 1.0 can carry.

XML 1.0 forbids most C0 control characters, lone surrogates and U+FFFE/U+FFFF;
Django's XML writer refuses them with an exception, so one stray character
pasted into a headline would take the whole feed down. We drop them (and the
C1 controls, which XML allows but discourages and no reader displays) from
every text a feed writes. Everything else, ``&`` and ``<`` included, is kept
and escaped by the writer.
"""

import re

# Tab, line feed and carriage return are the only controls XML keeps.
NOT_XML_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    return NOT_XML_CHARS.sub("", text)


def xml_safe_values(value):
    """``value`` with ``xml_safe`` applied to every string inside it (lists, tuples, dicts)."""
    if isinstance(value, str):
        return xml_safe(value)
    if isinstance(value, dict):
        return {key: xml_safe_values(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(xml_safe_values(item) for item in value)
    return value
