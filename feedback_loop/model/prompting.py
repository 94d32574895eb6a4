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


# format_prompt as a Jinja chat template, for libraries that render conversations themselves (TRL's preference
# trainers): each message as format_prompt writes it, an assistant message followed by eos. The user block ends with
# the assistant marker, as format_prompt's text does, so the rendered prompt is the same with or without
# add_generation_prompt. Only system, user and assistant messages exist in this format. It writes no bos: such a
# library tokenizes the rendered text without special tokens, so the bos a tokenizer adds to the project's text
# (Llama-style tokenizers do, GPT-2's does not) must be written by the template itself: see project_chat_template.
PROJECT_CHAT_TEMPLATE = (
    "{% for message in messages %}"
    "{% if message['role'] == 'system' %}"
    + SYSTEM_TEMPLATE.replace("{system}", "{{ message['content'] | trim }}")
    + "{% elif message['role'] == 'user' %}"
    + PROMPT_TEMPLATE.replace("{prompt}", "{{ message['content'] | trim }}")
    + "{% elif message['role'] == 'assistant' %}"
    "{{ message['content'] }}{{ eos_token }}"
    "{% else %}"
    "{{ raise_exception('the project prompt format has no role ' + message['role']) }}"
    "{% endif %}"
    "{% endfor %}"
)


def project_chat_template(bos: bool) -> str:
    """:data:`PROJECT_CHAT_TEMPLATE`, after the tokenizer's bos when ``bos`` (a tokenizer that adds bos to a text)."""
    return ("{{ bos_token }}" if bos else "") + PROJECT_CHAT_TEMPLATE
