"""A small customer-support world: what users ask, the right answer, and the ways an assistant gets it wrong.

Each :class:`Intent` has several user phrasings, one correct concise answer and one hallucinated policy (a
confident answer that invents rules). Every question can be answered in one of :data:`RESPONSE_KINDS`:

``correct``       the intent's concise answer
``wrong_intent``  the correct answer of a different intent
``verbose``       the correct answer buried in rambling filler
``rude``          an insult (words of ``label/lexicons/offensive.txt``), sometimes with the answer
``hallucinated``  the intent's invented policy

The same world feeds the pretraining corpus of the toy base model (:func:`pretraining_corpus`, deliberately of
mixed quality, so that fine-tuning on curated feedback has something to fix) and the telemetry simulator
(``feedback_loop.simulate.telemetry``), which also uses :func:`classify_response` to judge answers produced by
a real model.

The corpus file format is defined in ``feedback_loop.model.pretraining_corpus``.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path

from feedback_loop.label.lexicons import is_offensive
from feedback_loop.model.pretraining_corpus import PACKAGED_CORPUS, write_corpus_file
from feedback_loop.model.prompting import format_prompt

RESPONSE_KINDS: tuple[str, ...] = ("correct", "wrong_intent", "verbose", "rude", "hallucinated")

# How often each kind appears where a mix is sampled (the corpus, the simulator's canned responses):
# half correct, so the base model learns the task yet has plenty of bad habits for fine-tuning to remove.
KIND_WEIGHTS: dict[str, float] = {
    "correct": 0.5,
    "wrong_intent": 0.12,
    "verbose": 0.13,
    "rude": 0.1,
    "hallucinated": 0.15,
}



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
        "Click 'Forgot password' on the login page and follow the link we email you. The link is valid for "
        "24 hours.",
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
        "Refunds are only possible within 48 hours of ordering and are paid out as store credit, never to "
        "your card.",
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
        "Addresses can only be changed by sending a signed letter to our warehouse, which takes about six "
        "weeks.",
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
        "Late deliveries are never compensated, and you must wait 90 days before reporting a missing "
        "package.",
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
        "Damaged items are the customer's responsibility once delivered, so we cannot replace or refund "
        "them.",
    ),
    Intent(
        "account_deletion",
        (
            "How do I delete my account?",
            "I want to close my account permanently.",
            "Please remove my account and my data.",
            "How can I deactivate my account?",
        ),
        "Go to Account > Privacy > Delete account. Your account and personal data are removed within 30 "
        "days.",
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
        "You can chat with an agent from Help > Contact us, every day from 8am to 8pm, or request a callback"
        " there.",
        "Human agents are only available to customers who have spent over $10,000 with us.",
    ),
)

INTENTS_BY_NAME: dict[str, Intent] = {intent.name: intent for intent in INTENTS}

_VERBOSE_TEMPLATES: tuple[str, ...] = (
    "Thank you so much for reaching out to us today, we really appreciate you taking the time to write. "
    "Before I get to your question, let me say that questions like this come up quite often, and there are "
    "many different situations to consider, each of them a little different from the others. In general, "
    "and speaking broadly, {answer} I hope this somewhat long explanation covers everything you might "
    "possibly "
    "want to know, and of course there is always more that could be said about it.",
    "Let me start from the very beginning so that everything is as complete as it can possibly be. Our "
    "systems have evolved a lot over the years, and many customers ask about this in many different ways. "
    "After considering all the various angles, and keeping in mind that every case is unique, {answer} "
    "Additionally, it may also be worth mentioning that policies can be updated from time to time, so it is "
    "always a good idea to keep an eye on things in the future as well.",
)

# Rude replies; every one contains at least one entry of the offensive lexicon (tested).
_RUDE_TEMPLATES: tuple[str, ...] = (
    "That is a stupid question. Figure it out yourself.",
    "Not my problem. Go away.",
    "Only an idiot would ask that. {answer}",
    "Ugh, what a useless question. {answer}",
    "Are you really that clueless? {answer}",
)


def variants(intent: Intent) -> dict[str, list[str]]:
    """Every canned response to ``intent``, by kind (``wrong_intent`` lists the other intents' answers)."""
    return {
        "correct": [intent.answer],
        "wrong_intent": [other.answer for other in INTENTS if other.name != intent.name],
        "verbose": [template.format(answer=intent.answer) for template in _VERBOSE_TEMPLATES],
        "rude": [template.format(answer=intent.answer) for template in _RUDE_TEMPLATES],
        "hallucinated": [intent.hallucination],
    }


def sample_kind(rng: random.Random, weights: dict[str, float] | None = None) -> str:
    """A response kind drawn from ``weights`` (default :data:`KIND_WEIGHTS`)."""
    weights = KIND_WEIGHTS if weights is None else weights
    unknown = set(weights) - set(RESPONSE_KINDS)
    if unknown:
        raise ValueError(f"weights: unknown response kinds {sorted(unknown)}; known: {RESPONSE_KINDS}")
    kinds = list(weights)
    return rng.choices(kinds, weights=[weights[k] for k in kinds])[0]


def response(intent: Intent, kind: str, rng: random.Random) -> str:
    """One canned response of ``kind`` to ``intent``, chosen with ``rng``."""
    if kind not in RESPONSE_KINDS:
        raise ValueError(f"intent {intent.name!r}: unknown response kind {kind!r}; known: {RESPONSE_KINDS}")
    return rng.choice(variants(intent)[kind])


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


# A response that contains most of the right answer but is this many times longer rambles.
_VERBOSE_LENGTH_RATIO = 2.0
# Below this F1 against every known text, a response matches nothing and counts as the wrong answer.
_MIN_MATCH_F1 = 0.3


def classify_response(intent: Intent, text: str) -> str:
    """Judge a free-form answer to ``intent`` as one of :data:`RESPONSE_KINDS`.

    Used for responses of a real model, whose text is not one of the canned variants. Offensive words make it
    ``rude``; otherwise the closest of all intents' answers and this intent's hallucination (by word overlap)
    decides: another intent's answer, or nothing close at all, is ``wrong_intent``; the right answer in a much
    longer text is ``verbose``.
    """
    if is_offensive(text):
        return "rude"
    words = _words(text)
    if not words:
        return "wrong_intent"
    own_recall = len(set(words) & set(_words(intent.answer))) / len(set(_words(intent.answer)))
    if own_recall >= 0.8 and len(words) >= _VERBOSE_LENGTH_RATIO * len(_words(intent.answer)):
        return "verbose"
    candidates = [("correct", intent.answer), ("hallucinated", intent.hallucination)]
    candidates += [("wrong_intent", other.answer) for other in INTENTS if other.name != intent.name]
    kind, best = max(
        ((kind, _overlap_f1(words, text)) for kind, text in candidates), key=lambda item: item[1]
    )
    return kind if best >= _MIN_MATCH_F1 else "wrong_intent"


_GREETINGS: tuple[str, ...] = ("", "", "", "Hi, ", "Hello! ", "Quick question: ")
_CLOSINGS: tuple[str, ...] = ("", "", "", " Thanks.", " Please help.")


def user_message(intent: Intent, rng: random.Random) -> str:
    """A user's question about ``intent``: one of its phrasings, sometimes with a greeting or a closing."""
    return f"{rng.choice(_GREETINGS)}{rng.choice(intent.phrasings)}{rng.choice(_CLOSINGS)}"


def pretraining_corpus(seed: int = 0, size: int = 2000) -> list[str]:
    """``size`` documents ``format_prompt(question) + answer`` of mixed quality (kinds: :data:`KIND_WEIGHTS`).

    The base model pretrained on this learns the prompt format and the domain, good and bad answers alike,
    which is what the feedback loop's fine-tuning then improves on.
    """
    if size < 0:
        raise ValueError(f"pretraining_corpus: field 'size' must be >= 0, got {size}")
    rng = random.Random(f"corpus:{seed}")
    documents = []
    for _ in range(size):
        intent = rng.choice(INTENTS)
        question = user_message(intent, rng)
        documents.append(format_prompt(question) + response(intent, sample_kind(rng), rng))
    return documents


def write_corpus(path: str | Path = PACKAGED_CORPUS, seed: int = 0, size: int = 2000) -> Path:
    """Write :func:`pretraining_corpus` to ``path`` (the packaged corpus file unless given); returns it."""
    return write_corpus_file(pretraining_corpus(seed, size), path)
