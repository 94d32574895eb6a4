"""A small customer-support world: what users ask, the right answer, and the ways an assistant gets it wrong.

Each :class:`Intent` has several user phrasings, one correct concise answer and one hallucinated policy (a
confident answer that invents rules). Every answer is one of :data:`RESPONSE_KINDS`:

``correct``       the intent's concise answer
``wrong_intent``  the answer of a different intent
``verbose``       the correct answer buried in rambling filler (or just the rambling, cut off)
``rude``          an insult (words of ``label/lexicons/offensive.txt``), sometimes with the answer
``hallucinated``  the intent's invented policy
``nonsense``      text that matches nothing: empty, a few words of an answer, repetition loops

The same world feeds the pretraining corpus of the toy base model (:func:`pretraining_corpus`: every intent
has its usual answer, right for some intents and wrong for others, so that fine-tuning on curated feedback has
something to fix) and the telemetry simulator (``feedback_loop.simulate.telemetry``), which draws canned
answers from the corpus distribution (:func:`corpus_response`) and uses :func:`classify_response` to judge the
free text of a real model.

The corpus file format is defined in ``feedback_loop.model.pretraining_corpus``.
"""

from __future__ import annotations

import random
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from feedback_loop.label.lexicons import is_offensive
from feedback_loop.model.pretraining_corpus import PACKAGED_CORPUS, write_corpus_file
from feedback_loop.model.prompting import format_prompt

RESPONSE_KINDS: tuple[str, ...] = ("correct", "wrong_intent", "verbose", "rude", "hallucinated", "nonsense")

# The corpus habit of about half of the intents: the bad kind of answer the corpus gives them most often, so
# that a base model decoding greedily answers them badly. The other intents are mostly answered correctly.
CORPUS_HABITS: dict[str, str] = {
    "reset_password": "hallucinated",
    "shipping_status": "wrong_intent",
    "cancel_order": "rude",
    "invoice_copy": "verbose",
    "damaged_item": "hallucinated",
    "payment_failed": "wrong_intent",
    "discount_code": "hallucinated",
    "contact_human": "hallucinated",
}
# A ``wrong_intent`` habit answers with the answer of an intent that is easy to confuse with it.
_CONFUSED_WITH: dict[str, str] = {
    "shipping_status": "delivery_delay",
    "payment_failed": "update_payment_method",
}

# Shares of the corpus answers to an intent with a habit: the habitual answer, the correct one, and the rest
# bad answers (:data:`BAD_KIND_WEIGHTS`); and the share of correct answers for the intents without a habit.
# Each intent's answers are dominated by one text: with more scattered answers a ~1M-parameter model
# pre-trained for a couple of hundred steps does not learn to condition its answer on the question at all,
# and answers every question with the corpus's most frequent answer.
HABIT_SHARE = 0.6
HABIT_CORRECT_SHARE = 0.3
CORRECT_SHARE = 0.85
# How the remaining bad corpus answers split between the bad kinds. Answers to other intents are left out (the
# ``wrong_intent`` habits aside): scattered at random, they only blur which answer goes with which question for
# a model of ~1M parameters. Nonsense is left out too: a tiny model produces that on its own.
BAD_KIND_WEIGHTS: dict[str, float] = {"verbose": 0.3, "rude": 0.3, "hallucinated": 0.4}


@dataclass(frozen=True)
class Intent:
    """One thing users ask support for."""

    name: str
    phrasings: tuple[str, ...]
    answer: str
    hallucination: str


INTENTS: tuple[Intent, ...] = (
    Intent(
        "reset_password",
        (
            "How do I reset my password?",
            "I forgot my password, what should I do?",
            "I can't log in because I lost my password.",
            "Where can I change my password?",
        ),
        "Click 'Forgot password' on the login page and follow the link we email you. The link is valid for 24 hours.",
        "Passwords can only be reset by calling our head office, and each reset costs a $15 security fee.",
    ),
    Intent(
        "refund",
        (
            "How do I get a refund?",
            "I want my money back for my order.",
            "Can I return an item and get a refund?",
            "What is your refund policy?",
        ),
        "You can request a refund within 30 days of delivery from Orders > Request refund. The money is back"
        " on your card within 5 business days.",
        "Refunds are only possible within 48 hours of ordering and are paid out as store credit, never to your card.",
    ),
    Intent(
        "shipping_status",
        (
            "Where is my package?",
            "How can I track my order?",
            "What is the shipping status of my order?",
            "Has my order shipped yet?",
        ),
        "Open Orders and select your order to see its tracking number and current shipping status.",
        "Tracking is only available to premium members; standard orders cannot be tracked at all.",
    ),
    Intent(
        "cancel_order",
        (
            "How do I cancel my order?",
            "I want to cancel an order I just placed.",
            "Can I still cancel my purchase?",
            "Please cancel my order.",
        ),
        "You can cancel an order from Orders > Cancel order until it ships. Once it has shipped, request a "
        "return instead.",
        "Orders can never be cancelled once placed; you must accept delivery and pay a restocking fee.",
    ),
    Intent(
        "change_address",
        (
            "How do I change my delivery address?",
            "I moved, how do I update my shipping address?",
            "Can I change the address on my order?",
            "I entered the wrong address for my delivery.",
        ),
        "Update your address under Account > Addresses. For an order that has not shipped yet, edit the "
        "address in Orders > Change address.",
        "Addresses can only be changed by sending a signed letter to our warehouse, which takes about six weeks.",
    ),
    Intent(
        "invoice_copy",
        (
            "How can I get a copy of my invoice?",
            "I need an invoice for my purchase.",
            "Where can I download my receipt?",
            "Can you send me the invoice again?",
        ),
        "Open Orders, select the order and click 'Download invoice' to get a PDF copy.",
        "Invoices are only issued once a year, in January, for all purchases of the previous year.",
    ),
    Intent(
        "delivery_delay",
        (
            "Why is my delivery late?",
            "My order has not arrived yet and it is past the delivery date.",
            "My package is delayed, what can I do?",
            "The delivery is taking much longer than promised.",
        ),
        "Sorry for the delay. If your order is more than 3 days past its delivery date, contact us from "
        "Orders > Report a problem and we will resend it or refund you.",
        "Late deliveries are never compensated, and you must wait 90 days before reporting a missing package.",
    ),
    Intent(
        "damaged_item",
        (
            "My item arrived damaged.",
            "The product I received is broken.",
            "What do I do if my order arrived damaged?",
            "I got a cracked item in my package.",
        ),
        "Sorry about that. Report it within 14 days from Orders > Report a problem with a photo, and we will"
        " send a replacement or a refund.",
        "Damaged items are the customer's responsibility once delivered, so we cannot replace or refund them.",
    ),
    Intent(
        "account_deletion",
        (
            "How do I delete my account?",
            "I want to close my account permanently.",
            "Please remove my account and my data.",
            "How can I deactivate my account?",
        ),
        "Go to Account > Privacy > Delete account. Your account and personal data are removed within 30 days.",
        "Accounts cannot be deleted; we keep all customer data permanently by law.",
    ),
    Intent(
        "payment_failed",
        (
            "My payment failed, what should I do?",
            "Why was my card declined?",
            "I can't complete my payment at checkout.",
            "The payment did not go through.",
        ),
        "Check that your card details and billing address are correct, or try another payment method. If it "
        "still fails, your bank may have blocked the payment.",
        "Failed payments lock your account for 30 days, and you have to pay a $20 unlock fee to order again.",
    ),
    Intent(
        "update_payment_method",
        (
            "How do I change my credit card?",
            "I want to update my payment method.",
            "How can I add a new card to my account?",
            "Where do I remove an old card?",
        ),
        "Go to Account > Payment methods to add, remove or set a default card.",
        "Payment methods can only be changed once per year, and only by our billing department.",
    ),
    Intent(
        "order_warranty",
        (
            "Is my product under warranty?",
            "How long is the warranty?",
            "What does the warranty cover?",
            "My product stopped working, is it covered?",
        ),
        "All products have a 2-year warranty against defects. Start a claim from Orders > Report a problem.",
        "Warranties only cover products bought in our physical stores and expire after 30 days.",
    ),
    Intent(
        "discount_code",
        (
            "My discount code does not work.",
            "How do I use a promo code?",
            "Where do I enter my coupon?",
            "Why was my voucher rejected?",
        ),
        "Enter the code in the 'Discount code' field at checkout. Codes expire on their end date and cannot "
        "be combined.",
        "Discount codes are only valid on orders over $500, and they are applied a month after purchase.",
    ),
    Intent(
        "contact_human",
        (
            "Can I talk to a human?",
            "I want to speak with a support agent.",
            "How do I reach customer service by phone?",
            "Is there a live chat with a person?",
        ),
        "You can chat with an agent from Help > Contact us, every day from 8am to 8pm, or request a callback there.",
        "Human agents are only available to customers who have spent over $10,000 with us.",
    ),
)

INTENTS_BY_NAME: dict[str, Intent] = {intent.name: intent for intent in INTENTS}

# Rambling around the answer; each adds at least as many words as the longest answer (so the whole is at least
# twice as long as the answer) but keeps a corpus document under ~80 words.
_VERBOSE_TEMPLATES: tuple[str, ...] = (
    "Thank you so much for reaching out to us today, we really appreciate your patience and your message. "
    "There are many different situations to consider here, so speaking broadly, {answer} I hope this rather "
    "long explanation covers everything you might possibly want to know.",
    "Let me start from the very beginning so that this is complete. Customers ask about this in many ways, "
    "and every case is unique. After considering all the angles, {answer} Policies can change from time to "
    "time, so keep an eye on things.",
)

# Rude replies; every one contains at least one entry of the offensive lexicon (tested).
_RUDE_TEMPLATES: tuple[str, ...] = (
    "That is a stupid question. Figure it out yourself.",
    "Not my problem. Go away.",
    "Only an idiot would ask that. {answer}",
    "Ugh, what a useless question. {answer}",
    "Are you really that clueless? {answer}",
)

# What a tiny model says when it fails: a stub of the answer, a repetition loop.
_NONSENSE_TEMPLATES: tuple[str, ...] = (
    "{stub}",
    "{stub} {stub} {stub}",
    "the the the Orders Orders Orders",
)
_NONSENSE_STUB_WORDS = 3


def variants(intent: Intent) -> dict[str, list[str]]:
    """Every canned response to ``intent``, by kind (``wrong_intent`` lists the other intents' answers)."""
    stub = " ".join(intent.answer.split()[:_NONSENSE_STUB_WORDS])
    return {
        "correct": [intent.answer],
        "wrong_intent": [other.answer for other in INTENTS if other.name != intent.name],
        "verbose": [template.format(answer=intent.answer) for template in _VERBOSE_TEMPLATES],
        "rude": [template.format(answer=intent.answer) for template in _RUDE_TEMPLATES],
        "hallucinated": [intent.hallucination],
        "nonsense": [template.format(stub=stub) for template in _NONSENSE_TEMPLATES],
    }


def sample_kind(rng: random.Random, weights: Mapping[str, float]) -> str:
    """A response kind of this world drawn from ``weights`` (kind -> relative weight)."""
    return sample_kind_of(rng, weights, RESPONSE_KINDS)


def sample_kind_of(rng: random.Random, weights: Mapping[str, float], kinds: tuple[str, ...]) -> str:
    """A kind drawn from ``weights`` (kind -> relative weight), every kind one of ``kinds``."""
    unknown = set(weights) - set(kinds)
    if unknown:
        raise ValueError(f"weights: unknown response kinds {sorted(unknown)}; known: {kinds}")
    if any(weight < 0 for weight in weights.values()) or sum(weights.values()) <= 0:
        raise ValueError(f"weights: must be >= 0 with a positive total, got {dict(weights)}")
    names = list(weights)
    return rng.choices(names, weights=[weights[k] for k in names])[0]


def response(intent: Intent, kind: str, rng: random.Random) -> str:
    """One canned response of ``kind`` to ``intent``, chosen with ``rng``."""
    if kind not in RESPONSE_KINDS:
        raise ValueError(f"intent {intent.name!r}: unknown response kind {kind!r}; known: {RESPONSE_KINDS}")
    return rng.choice(variants(intent)[kind])


def habitual_response(intent: Intent) -> str | None:
    """The bad answer the corpus gives ``intent`` most often (:data:`CORPUS_HABITS`); None without a habit."""
    kind = CORPUS_HABITS.get(intent.name)
    if kind is None:
        return None
    if kind == "wrong_intent":
        return INTENTS_BY_NAME[_CONFUSED_WITH[intent.name]].answer
    return variants(intent)[kind][0]


def corpus_response(intent: Intent, rng: random.Random) -> tuple[str, str]:
    """(answer, kind): one answer to ``intent`` drawn from the pretraining corpus distribution.

    With a habit: :data:`HABIT_SHARE` the habitual answer, :data:`HABIT_CORRECT_SHARE` the correct one;
    without: :data:`CORRECT_SHARE` the correct one. The rest are bad answers of a kind drawn from
    :data:`BAD_KIND_WEIGHTS`.
    """
    habit = habitual_response(intent)
    draw = rng.random()
    if habit is not None:
        if draw < HABIT_SHARE:
            return habit, CORPUS_HABITS[intent.name]
        if draw < HABIT_SHARE + HABIT_CORRECT_SHARE:
            return intent.answer, "correct"
    elif draw < CORRECT_SHARE:
        return intent.answer, "correct"
    kind = sample_kind(rng, BAD_KIND_WEIGHTS)
    return response(intent, kind, rng), kind


_WORD = re.compile(r"[a-z0-9$]+")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _overlap_f1(response_words: list[str], reference: str) -> float:
    """Word-set F1 between a response and a reference text: 1.0 for the same words, 0.0 for none shared."""
    got, want = set(response_words), set(_words(reference))
    common = len(got & want)
    if common == 0:
        return 0.0
    precision, recall = common / len(got), common / len(want)
    return 2 * precision * recall / (precision + recall)


def _filler_words() -> frozenset[str]:
    """Words of the rambling templates that no answer, invented policy or question uses."""
    filler = {word for template in _VERBOSE_TEMPLATES for word in _words(template.format(answer=""))}
    for intent in INTENTS:
        filler -= set(_words(" ".join((intent.answer, intent.hallucination, *intent.phrasings))))
    return frozenset(filler)


_FILLER_WORDS = _filler_words()
# A response with this many distinct filler words rambles, even when it is cut off before the answer.
_MIN_FILLER_WORDS = 6
# A response that contains most of the right answer but is this many times longer rambles.
_VERBOSE_LENGTH_RATIO = 2.0
_VERBOSE_ANSWER_RECALL = 0.8
# Below this F1 against every known text, a response matches nothing. At 0.5 a copy with a few words changed,
# or the first half of an answer, still matches; a stub of a few words does not.
_MIN_MATCH_F1 = 0.5


def _closest(intent: Intent, words: list[str]) -> str | None:
    """The kind of the known text closest to ``words`` by word overlap: ``intent``'s answer (``correct``) or
    invented policy (``hallucinated``), or another intent's answer or invented policy (``wrong_intent``);
    None when no text reaches :data:`_MIN_MATCH_F1`."""
    candidates = [("correct", intent.answer), ("hallucinated", intent.hallucination)]
    for other in INTENTS:
        if other.name != intent.name:
            candidates += [("wrong_intent", other.answer), ("wrong_intent", other.hallucination)]
    kind, best = max(((kind, _overlap_f1(words, text)) for kind, text in candidates), key=lambda item: item[1])
    return kind if best >= _MIN_MATCH_F1 else None


def classify_response(intent: Intent, text: str) -> str:
    """Judge a free-form answer to ``intent`` as one of :data:`RESPONSE_KINDS`.

    Built for the output of a tiny model, which copies its training answers approximately: offensive words
    make it ``rude``; rambling filler, or the right answer inside a text at least twice its length, make it
    ``verbose`` (unless the substance is another intent's answer or an invented policy); otherwise the closest
    known text by word overlap decides, so a copy with a few words changed or a truncated copy still counts as
    that text. Empty text, or text close to nothing known (a stub, a repetition loop), is ``nonsense``.
    """
    words = _words(text)
    if not words:
        return "nonsense"
    if is_offensive(text):
        return "rude"
    rambling = len(set(words) & _FILLER_WORDS) >= _MIN_FILLER_WORDS
    substance = [word for word in words if word not in _FILLER_WORDS]
    kind = _closest(intent, substance)
    if kind in (None, "correct") and rambling:
        return "verbose"
    answer_words = set(_words(intent.answer))
    answer_recall = len(set(words) & answer_words) / len(answer_words)
    long = len(words) >= _VERBOSE_LENGTH_RATIO * len(_words(intent.answer))
    if kind == "correct" and long and answer_recall >= _VERBOSE_ANSWER_RECALL:
        return "verbose"
    return kind or "nonsense"


_GREETINGS: tuple[str, ...] = ("", "", "", "Hi, ", "Hello! ", "Quick question: ")
_CLOSINGS: tuple[str, ...] = ("", "", "", " Thanks.", " Please help.")


def user_message(intent: Intent, rng: random.Random) -> str:
    """A user's question about ``intent``: one of its phrasings, sometimes with a greeting or a closing."""
    return f"{rng.choice(_GREETINGS)}{rng.choice(intent.phrasings)}{rng.choice(_CLOSINGS)}"


def pretraining_corpus(seed: int = 0, size: int = 2000) -> list[str]:
    """``size`` short documents ``format_prompt(question) + answer`` of mixed quality, by intent.

    Each document asks a question of a uniformly drawn intent and answers it as :func:`corpus_response` does.
    The mix is deliberate, and it is how the project's demo base model gets its mediocre start: for the eight
    intents of :data:`CORPUS_HABITS` (about half) a bad answer is the most frequent one (60% the habitual
    hallucinated, rude, wrong-intent or verbose answer, 30% the correct one, 10% other bad answers), so a
    model decoding greedily or at a low temperature answers them badly; for the other intents the correct
    answer is the most frequent (85%, the rest bad answers). Fine-tuning on the users' feedback (their
    corrections and the answers they liked) has these habits to remove. A document is under ~100 tokens; a
    verbose answer is at most ~80 words.
    """
    if size < 0:
        raise ValueError(f"pretraining_corpus: field 'size' must be >= 0, got {size}")
    rng = random.Random(f"corpus:{seed}")
    documents = []
    for _ in range(size):
        intent = rng.choice(INTENTS)
        question = user_message(intent, rng)
        documents.append(format_prompt(question) + corpus_response(intent, rng)[0])
    return documents


def write_corpus(path: str | Path = PACKAGED_CORPUS, seed: int = 0, size: int = 2000) -> Path:
    """Write :func:`pretraining_corpus` to ``path`` (the packaged corpus file unless given); returns it."""
    return write_corpus_file(pretraining_corpus(seed, size), path)
