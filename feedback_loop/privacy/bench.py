"""``feedback-loop bench redaction``: recall per type, clean sentences altered, and speed, per tier.

Speed is measured twice: on the seeded corpus (dense with identifiers, every sentence a different one), and on
the free text of simulated events in the proportions ingestion sees (:func:`event_texts`): interactions carry a
prompt and a response, feedback sometimes a correction or a comment, behaviour events no free text, about one
text per event, personal data in a few percent of events. Each figure is given per second of wall time and per
CPU-second of the process: on shared cores the second is the steadier one.
"""

from __future__ import annotations

import random
import time

from feedback_loop.privacy.corpus import generate_corpus, identifier_clause, measure_redaction, near_miss_clause
from feedback_loop.privacy.redactor import TIER_TYPES, TIERS, Redactor

DEFAULT_EVENTS = 3000
# Event types and what free text each carries, as the simulated application sends them.
INTERACTION_SHARE, FEEDBACK_SHARE = 0.4, 0.3
CORRECTION_SHARE, COMMENT_SHARE = 0.4, 0.3
PERSONAL_DATA_SHARE = 0.03


def bench_redaction(sentences: int, seed: int, tiers: tuple[str, ...] = TIERS, events: int = DEFAULT_EVENTS) -> dict:
    """For each tier: the corpus figures of :func:`~feedback_loop.privacy.corpus.measure_redaction` (types the
    tier does not look for are marked ``in_tier: false``), the throughput on the corpus's distinct texts (a fresh
    redactor, so the memo never helps; the model loaded beforehand, once per process, as ingestion does), with
    every text sent a second time (what the memo gives), and on ``events`` simulated events' free text."""
    corpus = generate_corpus(sentences, seed)
    texts = [sentence.text for sentence in corpus]
    characters = sum(len(text) for text in texts)
    mix = event_texts(events, seed)
    figures: dict = {"sentences": sentences, "seed": seed, "characters": characters, "tiers": {}}
    for tier in tiers:
        # The warm-up loads what each tier reads once per process: the model, the name lists, the everyday words
        # ("Kiri Tapsell's") and the word classes ("Tom Becker downtown").
        Redactor(tier).redact_many(
            ["Warm-up: Dear Ana Souza, call +1 415 555 0123. I met Tom Becker downtown. Kiri Tapsell's order is late."]
        )
        redactor = Redactor(tier)
        wall, cpu = time.perf_counter(), time.process_time()
        tier_figures = measure_redaction(corpus, redactor)
        seconds, cpu_seconds = time.perf_counter() - wall, time.process_time() - cpu
        for kind, row in tier_figures["per_type"].items():
            row["in_tier"] = kind in TIER_TYPES[tier]
        started = time.perf_counter()
        redactor.redact_many(texts)
        repeated_seconds = time.perf_counter() - started
        wall, cpu = time.perf_counter(), time.process_time()
        Redactor(tier).redact_many(mix["texts"])
        mix_seconds, mix_cpu_seconds = time.perf_counter() - wall, time.process_time() - cpu
        tier_figures.update(
            seconds=seconds,
            texts_per_s=sentences / seconds,
            texts_per_cpu_s=sentences / cpu_seconds,
            mb_per_s=characters / seconds / 1e6,
            repeated_texts_per_s=sentences / repeated_seconds,
            event_mix={
                "events": events,
                "texts": len(mix["texts"]),
                "characters": sum(len(text) for text in mix["texts"]),
                "events_with_personal_data": mix["events_with_personal_data"],
                "seconds": mix_seconds,
                "events_per_s": events / mix_seconds,
                "events_per_cpu_s": events / mix_cpu_seconds,
                "texts_per_s": len(mix["texts"]) / mix_seconds,
            },
        )
        figures["tiers"][tier] = tier_figures
    return figures


def event_texts(events: int, seed: int) -> dict:
    """The free text of ``events`` simulated events (see the module documentation), built from templates and
    slots, so that some texts repeat as real messages do (the memo serves those): the ``texts`` in event order
    and how many events carry personal data."""
    rng = random.Random(f"feedback-loop/redaction-event-mix:{seed}")
    texts: list[str] = []
    with_personal_data = 0
    for _ in range(events):
        kind = rng.random()
        personal = rng.random() < PERSONAL_DATA_SHARE
        with_personal_data += personal
        if kind < INTERACTION_SHARE:
            texts += (prompt_text(rng, personal), answer_text(rng, rng.randint(2, 6)))
        elif kind < INTERACTION_SHARE + FEEDBACK_SHARE:
            signal = rng.random()
            if signal < CORRECTION_SHARE:
                texts.append(answer_text(rng, rng.randint(1, 3)))
            elif signal < CORRECTION_SHARE + COMMENT_SHARE:
                texts.append(comment_text(rng, personal))
    return {"texts": texts, "events_with_personal_data": with_personal_data}


def prompt_text(rng: random.Random, personal: bool) -> str:
    """A user's question, with an identifier in it when ``personal``."""
    prompt = _fill(rng, rng.choice(_PROMPTS))
    if rng.random() < 0.2:
        prompt += " " + near_miss_clause(rng) + "."
    if personal:
        prompt += " " + identifier_clause(rng)[1] + "."
    return prompt


def answer_text(rng: random.Random, sentences: int) -> str:
    """An assistant's answer of ``sentences`` sentences."""
    return " ".join(_fill(rng, rng.choice(_ANSWER_SENTENCES)) for _ in range(sentences))


def comment_text(rng: random.Random, personal: bool) -> str:
    """A feedback comment, with an identifier in it when ``personal``."""
    return _fill(rng, rng.choice(_COMMENTS)) + (" " + identifier_clause(rng)[1] if personal else "")


def _fill(rng: random.Random, template: str) -> str:
    return template.format(**{name: rng.choice(values) for name, values in _SLOTS.items() if f"{{{name}}}" in template})


_SLOTS: dict[str, tuple[str, ...]] = {
    "product": ("Microsoft Teams", "Google Drive", "the mobile app", "Outlook", "Slack", "Zoom", "the web dashboard",
                "Salesforce", "Jira", "the Android app", "the iOS app", "Power BI", "Dropbox", "GitHub Actions"),
    "action": ("reset my password", "export the report", "change the billing address", "add a new user",
               "cancel my subscription", "connect the calendar", "download the invoice", "enable two-factor login",
               "share the folder", "restore a deleted file", "update the payment method", "merge two accounts"),
    "menu": ("Settings", "Account Settings", "Billing", "Admin Console", "Preferences", "the Profile page",
             "Integrations", "Security & Privacy", "the Help Center"),
    "option": ("Export", "Reset", "Manage Users", "Payment Methods", "Connected Apps", "Advanced", "Notifications"),
    "version": ("4.2", "version 5.1.3", "the March update", "release 2024.11", "v3.8.0", "build 1187"),
    "code": ("403", "500", "E1027", "0x80070005", "AUTH-12", "429"),
    "plan": ("Business", "Pro", "Enterprise", "Team", "Premium", "Basic"),
    "cause": ("the browser cache holds an old session", "the sync token expired", "a firewall blocks the port",
              "the file is larger than the limit", "two devices edit the same item", "the trial has ended"),
    "days": ("2", "3", "5", "7", "10", "14", "30"),
}  # fmt: skip
_PROMPTS = (
    "How do I {action} in {product}?",
    "My {product} stopped syncing after {version}, what should I do?",
    "Can you help me {action}? It keeps failing with error {code}.",
    "Why does {product} show error {code} when I try to {action}?",
    "Is it possible to {action} on the {plan} plan?",
    "I can't {action} anymore since {version}.",
    "where is the option to {action}",
    "Hi, I need to {action} for my team before Friday.",
    "The {option} button in {menu} does nothing. Any idea?",
    "How long does it take to {action}? It has been {days} days.",
)
_ANSWER_SENTENCES = (
    "To {action}, open {menu} and select {option}.",
    "This usually happens when {cause}.",
    "First, make sure you are signed in to {product} with an admin account.",
    "If that does not help, sign out, clear the cache and try again.",
    "You can also {action} from {menu} in {product}.",
    "The {option} feature is available on the {plan} plan and above.",
    "Changes can take up to {days} days to appear everywhere.",
    "Error {code} means that {cause}.",
    "Since {version}, this setting moved to {menu}.",
    "Let me know if you need help with anything else!",
    "I'm sorry for the trouble, I understand how frustrating this is.",
    "Here are the steps: open {product}, go to {menu}, then click {option}.",
)
_COMMENTS = (
    "Thanks, that worked!",
    "Not helpful, the {option} button is missing in {menu}.",
    "The steps are outdated for {version}.",
    "great answer",
    "It still fails with {code}.",
    "Too long, I just wanted to {action}.",
    "wrong plan, we are on {plan}",
)
