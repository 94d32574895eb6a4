"""The one prompt format shared by training, evaluation and serving."""

PROMPT_TEMPLATE = "### User:\n{prompt}\n### Assistant:\n"


def format_prompt(prompt: str) -> str:
    """The text the model sees before it answers ``prompt``; the answer follows it directly."""
    return PROMPT_TEMPLATE.format(prompt=prompt.strip())
