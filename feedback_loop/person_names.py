"""Names of the people (or processes) that audit logs and review decisions record: the registry's actors and
approvers, and reviewers. A name is printed in terminals, tables and the UI, so it is one line of printable text
of bounded length: an escape sequence or a line break in it could rewrite what a person reads there."""

MAX_NAME_LENGTH = 100


def person_name(value: object) -> str:
    """``value`` as a person's name; a ValueError says what is wrong with it (without the field: callers add it)."""
    if not isinstance(value, str) or not value.strip():
        shown = repr(value) if isinstance(value, str) else f"a {type(value).__name__}"
        raise ValueError(f"must name who acted (non-empty text), got {shown}")
    if len(value) > MAX_NAME_LENGTH:
        raise ValueError(f"must be at most {MAX_NAME_LENGTH} characters, got {len(value)}")
    # Not printable: control characters (ESC, CR, LF, NUL...), format characters (bidirectional overrides),
    # line separators and lone surrogates.
    for position, character in enumerate(value):
        if not character.isprintable():
            raise ValueError(f"must be printable text on one line, got {character!a} at position {position}")
    return value
