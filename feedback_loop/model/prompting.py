"""The one prompt format shared by training, evaluation and serving."""

PROMPT_TEMPLATE = "### User:\n{prompt}\n### Assistant:\n"
SYSTEM_TEMPLATE = "### System:\n{system}\n"


def format_prompt(prompt: str, system: str = "") -> str:
    """The text the model sees before it answers ``prompt``; the answer follows it directly.

    A non-empty ``system`` text (a system prompt version and the user's segment instruction) comes first; an
    empty one leaves the text exactly as training saw it, so adapters trained without system text serve alike.
    """
    text = PROMPT_TEMPLATE.format(prompt=prompt.strip())
    system = system.strip()
    return SYSTEM_TEMPLATE.format(system=system) + text if system else text
