"""A customer-support world that needs generalization: intents with slots, paraphrased questions, noisy users.

The lookup world (``feedback_loop.simulate.world``) has 14 intents with one fixed answer each, all of them in the
base model's corpus: a model only has to pick a memorized text. Here:

* :data:`SLOT_INTENTS` holds 64 intents in 8 use cases. A right answer is a short sentence whose only variable
  part is slot values copied from the question: order ids, product names, dates, amounts, plan names, cities.
  Over a few days of traffic the right answers span thousands of distinct texts.
* Every intent is asked through :data:`FRAMES` x its two action phrases: 16 question templates. The templates of
  :data:`PROBE_FRAMES`, and the slot values :func:`is_held_out` marks, never appear in traffic: only the probe
  (:meth:`SlotWorld.probe_questions`) uses them, to measure generalization.
* Users' corrections are their own wording: the right answer or its paraphrase, in the style they prefer,
  sometimes partial and sometimes wrong (:class:`FeedbackNoise`). Thumbs flip at a configurable rate, and a
  configurable share of users never give explicit feedback.
* Two hidden segments want conflicting styles: ``brief`` users want the answer alone, ``detailed`` users the
  answer followed by its use case's detail sentence. The application knows each user's tier (``free``, ``plus``,
  ``business``) and reports it as the interaction's ``user_segment``; the tier correlates with the hidden segment.
* Drift: the intents marked ``late`` are only asked from :attr:`SlotWorld.drift_from` on.
* The base model's corpus (:meth:`SlotWorld.pretraining_corpus`) is domain text: past transcripts answered with
  another intent's answer or a holding reply, both repeating the question's values, and case notes that list
  values three times (so a tiny model learns to copy values from a prompt). It contains none of the right answers.
* :meth:`SlotWorld.ceiling` is a perfect responder's expected thumbs-up rate: the right answer in the style each
  user's hidden segment prefers.

Everything is a function of the seed: the same world and the same random stream give the same questions.
"""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property
from types import MappingProxyType

from feedback_loop.model.prompting import PROMPT_TEMPLATE, format_prompt
from feedback_loop.simulate.users import Reaction, Segment
from feedback_loop.simulate.world import sample_kind_of


@dataclass(frozen=True)
class SlotIntent:
    """One thing users ask, with the slots its questions and its answer carry."""

    name: str
    use_case: str
    actions: tuple[str, str]
    """Two ways of saying what the user wants, with ``{slot}`` placeholders; each fills every frame."""
    answer: str
    """The right answer, brief style, with ``{slot}`` placeholders."""
    paraphrase: str
    """The same answer in other words, also right."""
    late: bool = False
    """Asked only from the world's drift day on."""

    @property
    def slots(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(re.findall(r"\{(\w+)\}", self.actions[0])))


# The detail sentence a ``detailed`` user wants after the answer, per use case; no right brief answer contains it.
DETAILS: dict[str, str] = {
    "orders": "You can follow every order under Orders in your account.",
    "shipping": "Tracking updates appear under Orders and Tracking.",
    "returns": "Return labels are free and valid for thirty days.",
    "billing": "All charges are listed under Account and Billing.",
    "plans": "You can change your plan at any time under Account and Plan.",
    "account": "These settings live under Account and Profile.",
    "products": "Manuals and specifications are on each product page.",
    "stores": "Opening hours are listed on the store finder page.",
}

_I = SlotIntent
SLOT_INTENTS: tuple[SlotIntent, ...] = (
    # orders
    _I("cancel_order", "orders", ("cancel order {order}", "call off my order {order}"),
       "Order {order} is now cancelled.", "I have cancelled order {order} for you."),
    _I("order_status", "orders", ("check the status of order {order}", "see what happened to order {order}"),
       "Order {order} is being packed.", "We are packing order {order} right now."),
    _I("order_total", "orders", ("check that order {order} cost {amount}", "confirm order {order} came to {amount}"),
       "Yes, order {order} came to {amount}.", "Order {order} indeed cost {amount}."),
    _I("add_item", "orders", ("add the {product} to order {order}", "put the {product} in order {order}"),
       "The {product} was added to order {order}.", "Order {order} now includes the {product}."),
    _I("remove_item", "orders", ("remove the {product} from order {order}", "take the {product} out of order {order}"),
       "The {product} was removed from order {order}.", "Order {order} no longer includes the {product}."),
    _I("reorder", "orders", ("buy the {product} again", "reorder the {product}"),
       "A new order for the {product} is ready to confirm.", "Your reorder of the {product} awaits confirmation."),
    _I("order_invoice", "orders", ("get the invoice for order {order}", "download a receipt for order {order}"),
       "The invoice for order {order} was emailed to you.", "We sent the receipt of order {order} to your email."),
    _I("split_order", "orders", ("split order {order} into two parcels", "ship order {order} in two parts"),
       "Order {order} will ship in two parcels.", "We split order {order} into two shipments.", late=True),
    # shipping
    _I("track_parcel", "shipping", ("track order {order}", "find where order {order} is"),
       "Order {order} is on its way to you.", "Order {order} has left our warehouse."),
    _I("change_address", "shipping", ("send order {order} to {city}", "ship order {order} to my address in {city}"),
       "Order {order} will now go to {city}.", "We changed the delivery of order {order} to {city}."),
    _I("delivery_date", "shipping", ("get order {order} by {date}", "receive order {order} before {date}"),
       "Order {order} can arrive by {date} with express delivery.", "Express delivery brings order {order} by {date}."),
    _I("missing_parcel", "shipping", ("report order {order} as missing", "say order {order} never came"),
       "We opened a search for order {order}.", "A carrier search for order {order} has started."),
    _I("late_parcel", "shipping", ("complain that order {order} is late", "ask why order {order} is delayed"),
       "Order {order} is delayed by one day.", "Sorry, order {order} runs one day late."),
    _I("pickup_point", "shipping", ("collect order {order} in {city}", "pick up order {order} at a point in {city}"),
       "Order {order} will wait at our pickup point in {city}.", "You can collect order {order} in {city}."),
    _I("shipping_cost", "shipping", ("know the shipping cost to {city}", "find what delivery to {city} costs"),
       "Shipping to {city} is free.", "Delivery to {city} costs nothing."),
    _I("hold_parcel", "shipping", ("hold order {order} until {date}", "keep order {order} until {date}"),
       "We hold order {order} until {date}.", "Order {order} stays with us until {date}.", late=True),
    # returns
    _I("return_item", "returns", ("return the {product}", "send back the {product}"),
       "Your return label for the {product} is in your email.", "We emailed a return label for the {product}."),
    _I("refund_status", "returns", ("check my refund for order {order}", "see if order {order} was refunded"),
       "The refund for order {order} is on its way.", "We refunded order {order} and the money is coming."),
    _I("refund_amount", "returns", ("get {amount} back for order {order}",
       "claim a refund of {amount} for order {order}"),
       "You get {amount} back for order {order}.", "We refund {amount} for order {order}."),
    _I("exchange_item", "returns", ("exchange the {product}", "swap the {product} for a new one"),
       "A replacement {product} is on its way.", "We are sending you a new {product}."),
    _I("damaged_item", "returns", ("report that the {product} arrived broken", "say the {product} came damaged"),
       "Sorry, a new {product} ships today at no cost.", "We replace the damaged {product} for free."),
    _I("wrong_item", "returns", ("report a wrong item in order {order}", "say order {order} had the wrong product"),
       "We ship the right item for order {order} today.", "The correct item for order {order} leaves today."),
    _I("return_deadline", "returns", ("return the {product} on {date}", "send the {product} back on {date}"),
       "You can still return the {product} on {date}.", "A return of the {product} on {date} is fine."),
    _I("cancel_return", "returns", ("cancel the return of the {product}", "stop the return of the {product}"),
       "The return of the {product} is cancelled.", "We stopped the return of the {product}.", late=True),
    # billing
    _I("charge_explained", "billing", ("understand a charge of {amount}", "know what the {amount} charge is"),
       "The charge of {amount} is your monthly fee.", "Your monthly fee is the {amount} charge."),
    _I("double_charge", "billing", ("report a double charge of {amount}", "say I was charged {amount} twice"),
       "We refund the second charge of {amount}.", "The duplicate {amount} charge is being refunded."),
    _I("payment_failed", "billing", ("fix a failed payment of {amount}", "retry my payment of {amount}"),
       "Your payment of {amount} went through now.", "We retried the {amount} payment and it worked."),
    _I("next_bill", "billing", ("move my next bill to {date}", "pay my next bill on {date}"),
       "Your next bill is moved to {date}.", "The next bill now comes on {date}."),
    _I("bill_amount", "billing", ("pay {amount} on the bill of {date}", "settle the {date} bill of {amount}"),
       "Your payment of {amount} for {date} is booked.", "We booked {amount} for the {date} bill."),
    _I("payment_plan", "billing", ("pay {amount} in parts", "split a payment of {amount}"),
       "You can pay {amount} in three parts.", "We split {amount} into three payments."),
    _I("tax_receipt", "billing", ("get a tax receipt for {amount}", "receive a VAT receipt for {amount}"),
       "Your tax receipt for {amount} is in your email.", "We emailed the tax receipt for {amount}."),
    _I("dispute_charge", "billing", ("dispute a charge of {amount}", "contest the {amount} charge"),
       "We opened a dispute for the {amount} charge.", "The {amount} charge is now under review.", late=True),
    # plans
    _I("upgrade_plan", "plans", ("upgrade to the {plan} plan", "move up to the {plan} plan"),
       "You are now on the {plan} plan.", "Your account moved to the {plan} plan."),
    _I("downgrade_plan", "plans", ("downgrade to the {plan} plan", "switch down to the {plan} plan"),
       "You move to the {plan} plan at the next renewal.", "The {plan} plan starts at your next renewal."),
    _I("cancel_plan", "plans", ("cancel my {plan} plan", "end my {plan} subscription"),
       "Your {plan} plan ends at the end of this period.", "We ended your {plan} plan for the next period."),
    _I("plan_price", "plans", ("pay {amount} for the {plan} plan", "get the {plan} plan for {amount}"),
       "The {plan} plan for {amount} a month is ready.", "You can have the {plan} plan at {amount} a month."),
    _I("renewal_date", "plans", ("renew my {plan} plan on {date}", "set the renewal of my {plan} plan to {date}"),
       "Your {plan} plan renews on {date}.", "The {plan} plan renews on {date}."),
    _I("pause_plan", "plans", ("pause my {plan} plan until {date}", "freeze my {plan} plan until {date}"),
       "Your {plan} plan is paused until {date}.", "We paused the {plan} plan until {date}."),
    _I("trial_end", "plans", ("extend my {plan} trial to {date}", "keep my {plan} trial until {date}"),
       "Your {plan} trial now ends on {date}.", "The trial of the {plan} plan runs until {date}."),
    _I("plan_features", "plans", ("know what the {plan} plan includes", "see the features of the {plan} plan"),
       "The {plan} plan includes free shipping.", "Free shipping comes with the {plan} plan.", late=True),
    # account
    _I("reset_password", "account", ("reset my password", "get a new password"),
       "A reset link was sent to your email.", "Check your email for the reset link."),
    _I("change_email", "account", ("change my email", "use a new email address"),
       "A confirmation link was sent to your new email.", "Confirm the change with the link in your new email."),
    _I("delete_account", "account", ("delete my account", "close my account for good"),
       "Your account will be deleted within thirty days.", "We delete your account within thirty days."),
    _I("update_city", "account", ("set my city to {city}", "change my home city to {city}"),
       "Your profile now lists {city}.", "We updated your city to {city}."),
    _I("login_problem", "account", ("fix my login problem", "get back into my account"),
       "We unlocked your account, please sign in again.", "Your account is unlocked, sign in again."),
    _I("two_factor", "account", ("turn on two factor login", "enable login codes"),
       "Two factor login is now on.", "Login codes are now enabled."),
    _I("birthday", "account", ("set my birthday to {date}", "change my birthday to {date}"),
       "Your birthday is saved as {date}.", "We saved {date} as your birthday."),
    _I("export_data", "account", ("export my data", "download all my data"),
       "Your data export will be ready within a day.", "We prepare your data export within a day.", late=True),
    # products
    _I("in_stock", "products", ("know if the {product} is in stock", "check stock of the {product}"),
       "The {product} is in stock.", "We have the {product} in stock."),
    _I("product_price", "products", ("use {amount} of credit on the {product}",
       "pay for the {product} with {amount} of credit"),
       "We applied {amount} of credit to the {product}.", "Your {amount} credit now covers the {product}."),
    _I("warranty", "products", ("know the warranty of the {product}", "find how long the {product} is covered"),
       "The {product} has a two year warranty.", "A two year warranty covers the {product}."),
    _I("restock_date", "products", ("hear when the {product} is back on {date}",
       "be told if the {product} is back on {date}"),
       "We will notify you about the {product} on {date}.", "You get a message about the {product} on {date}."),
    _I("product_manual", "products", ("get the manual of the {product}", "find instructions for the {product}"),
       "The manual of the {product} is on its product page.", "Find the {product} manual on its product page."),
    _I("price_match", "products", ("match a price of {amount} for the {product}", "get the {product} for {amount}"),
       "We matched the {product} at {amount}.", "You get the {product} for {amount}."),
    _I("gift_wrap", "products", ("gift wrap the {product}", "wrap the {product} as a gift"),
       "The {product} will be gift wrapped.", "We will wrap the {product} as a gift."),
    _I("product_review", "products", ("review the {product}", "rate the {product}"),
       "Thanks, your review of the {product} is posted.", "We posted your review of the {product}.", late=True),
    # stores
    _I("store_hours", "stores", ("know the opening hours in {city}", "find when the {city} store opens"),
       "The {city} store opens at nine.", "Our store in {city} opens at nine."),
    _I("store_stock", "stores", ("know if the {product} is in the {city} store", "check the {product} in {city}"),
       "The {city} store has the {product}.", "You find the {product} in our {city} store."),
    _I("reserve_item", "stores", ("reserve the {product} in {city}", "hold the {product} at the {city} store"),
       "The {product} is reserved for you in {city}.", "We reserved the {product} at the {city} store."),
    _I("store_return", "stores", ("return the {product} at the {city} store", "bring the {product} back in {city}"),
       "You can return the {product} at the {city} store.", "The {city} store takes back the {product}."),
    _I("store_event", "stores", ("join the event in {city} on {date}", "sign up for the {city} event on {date}"),
       "You are signed up for {city} on {date}.", "We booked you for the {city} event on {date}."),
    _I("repair_booking", "stores", ("book a repair of the {product} in {city}", "get the {product} fixed in {city}"),
       "Your repair of the {product} is booked in {city}.", "We booked the {product} repair in {city}."),
    _I("store_pickup_date", "stores", ("pick up order {order} in {city} on {date}",
       "collect order {order} in {city} on {date}"),
       "Order {order} is ready in {city} on {date}.", "Collect order {order} in {city} on {date}."),
    _I("store_parking", "stores", ("know if the {city} store has parking", "find parking at the {city} store"),
       "The {city} store has free parking.", "Parking at the {city} store is free.", late=True),
)  # fmt: skip

SLOT_INTENTS_BY_NAME: dict[str, SlotIntent] = {intent.name: intent for intent in SLOT_INTENTS}

# Question frames: every intent's two actions fill each of them. PROBE_FRAMES are never used in traffic.
FRAMES: tuple[str, ...] = (
    "How do I {action}?",
    "Can you {action}?",
    "I need to {action}.",
    "Please {action}.",
    "I want to {action}, how?",
    "Help me {action}.",
    "Is it possible to {action}?",
    "What should I do to {action}?",
)
PROBE_FRAMES: frozenset[int] = frozenset({7})

# Slot values. A value is held out (probe only, never in traffic or the corpus) when :func:`is_held_out` says so.
_BRANDS = ("Nova", "Orbit", "Pixel", "Atlas", "Luna", "Vega", "Echo", "Zen", "Terra", "Aero")
_ITEMS = ("kettle", "lamp", "blender", "backpack", "headset", "desk", "chair", "jacket", "watch", "speaker")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")  # fmt: skip
# Word values only the corpus uses, many of each: with few (2 cities, 2 plans), the base model learned them as the
# default value of each sentence and answered a question whose value it did not copy with a corpus text word for
# word; with many, no value is a default, and copying the question's value is what pays (docs/demo.md).
_CORPUS_BRANDS = ("Solis", "Brio", "Kappa", "Quill", "Mosaic", "Ember", "Falcon", "Jade", "Kestrel", "Lumen",
                  "Maple", "Nimbus", "Onyx", "Polar", "Quartz", "Raven", "Sierra", "Tundra", "Umber", "Vertex",
                  "Willow", "Xeno", "Yarrow", "Zephyr", "Cobalt", "Dune", "Fable", "Glint", "Halo",
                  "Ivory")  # fmt: skip
_CORPUS_CITIES = ("Amsterdam", "Brussels", "Copenhagen", "Stockholm", "Helsinki", "Budapest", "Bucharest", "Sofia",
                  "Zagreb", "Ljubljana", "Bratislava", "Tallinn", "Riga", "Vilnius", "Krakow", "Munich", "Hamburg",
                  "Lyon", "Marseille", "Seville", "Valencia", "Naples", "Turin", "Geneva", "Basel", "Antwerp",
                  "Rotterdam", "Gothenburg", "Bergen", "Edinburgh", "Porto", "Milan")  # fmt: skip
_CORPUS_PLANS = ("Bronze", "Platinum", "Lite", "Ultra", "Essential", "Deluxe", "Elite", "Flex", "Solo", "Duo",
                 "Prime", "Classic", "Advanced", "Junior", "Diamond", "Ruby", "Emerald", "Titanium", "Gold",
                 "Silver")  # fmt: skip
SLOT_VALUES: dict[str, tuple[str, ...]] = {
    "order": tuple(f"#{number}" for number in range(1000, 10000)),
    "product": tuple(f"{brand} {item}" for brand in _BRANDS + _CORPUS_BRANDS for item in _ITEMS),
    "date": tuple(f"{month} {day}" for month in _MONTHS for day in range(1, 29)),
    "amount": tuple(f"${number}" for number in range(5, 500)),
    "plan": ("Basic", "Plus", "Premium", "Family", "Starter", "Unlimited", "Student", "Team", *_CORPUS_PLANS),
    "city": ("Berlin", "Paris", "Madrid", "Rome", "Vienna", "Lisbon", "Dublin", "Prague", "Oslo", "Warsaw",
             "Athens", "Zurich", *_CORPUS_CITIES),
}  # fmt: skip
_ROLE_OF_NAMES = {
    "Student": "probe", "Team": "probe", "Athens": "probe", "Zurich": "probe",
    **dict.fromkeys(_CORPUS_PLANS + _CORPUS_CITIES, "corpus"),
}  # fmt: skip
ROLES = ("traffic", "probe", "corpus")


def value_role(slot: str, value: str) -> str:
    """Who uses ``value`` of ``slot``, by a fixed rule: ``probe`` (held out from traffic and the corpus: about one
    value in eight, and 2 plans and 2 cities), ``corpus`` (only the pretraining corpus: about one number or date in
    eight, and the corpus's own brands, plans and cities, many of each) or ``traffic`` (the rest, also in the
    corpus's holding replies and case notes)."""
    if slot in ("plan", "city"):
        return _ROLE_OF_NAMES.get(value, "traffic")
    if slot == "product":
        brand, item = value.split()
        if brand in _CORPUS_BRANDS:
            return "corpus"
        bucket = (_BRANDS.index(brand) * 3 + _ITEMS.index(item)) % 8
    else:
        bucket = int(hashlib.sha256(f"{slot}:{value}".encode()).hexdigest()[:8], 16) % 8
    return {0: "probe", 1: "corpus"}.get(bucket, "traffic")


def is_held_out(slot: str, value: str) -> bool:
    """Whether ``value`` of ``slot`` is reserved for the probe."""
    return value_role(slot, value) == "probe"


_POOLS: dict[tuple[str, str], tuple[str, ...]] = {
    (slot, role): tuple(value for value in values if value_role(slot, value) == role)
    for slot, values in SLOT_VALUES.items()
    for role in ROLES
}


def _pool(slot: str, role: str) -> tuple[str, ...]:
    """The values of ``slot`` that ``role`` (traffic, the probe or the corpus) draws from."""
    return _POOLS[slot, role]


KINDS: tuple[str, ...] = ("brief", "detailed", "wrong_slot", "wrong_intent", "nonsense")
"""``brief``: the right answer alone; ``detailed``: the right answer and its use case's detail sentence; ``wrong_slot``:
the right intent's answer without the question's values; ``wrong_intent``: another intent's answer; ``nonsense``:
close to no answer (a holding reply, a stub, a loop)."""
RIGHT_KINDS = frozenset({"brief", "detailed"})
# The share of the words of an intent's answer (its values aside) that an answer must keep to be judged complete.
MIN_ANSWER_RECALL = 0.75

REACTIONS: dict[str, Reaction] = {
    "brief": Reaction(
        thumb_up=0.8,
        thumb_down=0.08,
        rating=0.3,
        ratings=(4, 5),
        correction=0.0,
        flag=None,
        flag_rate=0.0,
        comment=0.1,
        comments=("Thanks, that solved it.", "Great, that worked."),
        actions={"accept": 0.65, "copy": 0.3, "retry": 0.05},
        outcomes={"resolved": 0.85, "converted": 0.05, "abandoned": 0.05, "escalated": 0.05},
    ),
    "detailed": Reaction(
        thumb_up=0.8,
        thumb_down=0.08,
        rating=0.3,
        ratings=(4, 5),
        correction=0.0,
        flag=None,
        flag_rate=0.0,
        comment=0.1,
        comments=("Thanks, very clear.", "Perfect, that helps."),
        actions={"accept": 0.65, "copy": 0.3, "retry": 0.05},
        outcomes={"resolved": 0.85, "converted": 0.05, "abandoned": 0.05, "escalated": 0.05},
    ),
    "wrong_slot": Reaction(
        thumb_up=0.06,
        thumb_down=0.75,
        rating=0.3,
        ratings=(1, 2),
        correction=0.45,
        flag="wrong",
        flag_rate=0.3,
        comment=0.3,
        comments=("That is not my order.", "Wrong details."),
        actions={"retry": 0.5, "escalate": 0.3, "edit": 0.2},
        outcomes={"escalated": 0.4, "abandoned": 0.4, "resolved": 0.2},
        read_fraction=0.8,
    ),
    "wrong_intent": Reaction(
        thumb_up=0.03,
        thumb_down=0.78,
        rating=0.3,
        ratings=(1, 2),
        correction=0.45,
        flag="off_topic",
        flag_rate=0.3,
        comment=0.3,
        comments=("That is not what I asked.", "Not helpful."),
        actions={"retry": 0.5, "escalate": 0.3, "edit": 0.2},
        outcomes={"escalated": 0.4, "abandoned": 0.5, "resolved": 0.1},
        read_fraction=0.5,
    ),
    "nonsense": Reaction(
        thumb_up=0.03,
        thumb_down=0.78,
        rating=0.2,
        ratings=(1,),
        correction=0.45,
        flag="other",
        flag_rate=0.1,
        comment=0.3,
        comments=("That makes no sense.", "No answer at all."),
        actions={"retry": 0.6, "escalate": 0.25, "edit": 0.15},
        outcomes={"abandoned": 0.5, "escalated": 0.4, "resolved": 0.1},
        read_fraction=0.3,
    ),
}

# Each segment moves thumbs from up to down for the style it dislikes: right but unwanted is a lukewarm answer.
STYLE_PENALTY = 0.35
# The observable tier of a user (its share of users) and the share of its users in the ``detailed`` segment.
TIERS: dict[str, tuple[float, float]] = {"free": (0.4, 0.15), "plus": (0.35, 0.5), "business": (0.25, 0.9)}
_DETAILED_SHARE = sum(share * detailed for share, detailed in TIERS.values())
SLOT_SEGMENTS: tuple[Segment, ...] = (
    Segment("brief", 1 - _DETAILED_SHARE, thumb_shift={"detailed": -STYLE_PENALTY}, words_per_minute=320.0),
    Segment(
        "detailed",
        _DETAILED_SHARE,
        thumb_shift={"brief": -STYLE_PENALTY},
        correction_factor=1.3,
        words_per_minute=200.0,
    ),
)
SLOT_SEGMENTS_BY_NAME = {segment.name: segment for segment in SLOT_SEGMENTS}
PREFERRED_KIND = {"brief": "brief", "detailed": "detailed"}


@dataclass(frozen=True)
class FeedbackNoise:
    """How unreliable users' explicit feedback is."""

    silent_share: float = 0.5
    """Share of users who never give explicit feedback (thumbs, ratings, corrections, flags, comments)."""
    thumb_flip_rate: float = 0.1
    """Probability that a thumb says the opposite of what the user thought; at most 0.5 (above it thumbs would
    mean their opposite, and the ceiling, computed for the preferred answer, would no longer bound anything)."""
    partial_correction_rate: float = 0.15
    """Probability that a correction is partial: the right answer without its values, or cut short."""
    wrong_correction_rate: float = 0.1
    """Probability that a correction is wrong: another intent's answer or other values."""

    def __post_init__(self) -> None:
        for name in ("silent_share", "thumb_flip_rate", "partial_correction_rate", "wrong_correction_rate"):
            value = getattr(self, name)
            if not 0.0 <= value <= 1.0:
                raise ValueError(f"FeedbackNoise: field {name!r} must be within [0, 1], got {value!r}")
        if self.thumb_flip_rate > 0.5:
            raise ValueError(
                f"FeedbackNoise: field 'thumb_flip_rate' must be at most 0.5, got {self.thumb_flip_rate!r}"
            )
        if self.partial_correction_rate + self.wrong_correction_rate > 1.0:
            raise ValueError("FeedbackNoise: partial_correction_rate + wrong_correction_rate must be <= 1")


@dataclass(frozen=True)
class Question:
    """One question of the world: its intent, the user's text, and the values its answer must carry."""

    intent: str
    prompt: str
    slots: Mapping[str, str] = field(default_factory=dict)

    def right_answer(self, kind: str = "brief") -> str:
        """The canonical right answer in ``kind``'s style (``brief`` or ``detailed``)."""
        intent = SLOT_INTENTS_BY_NAME[self.intent]
        brief = intent.answer.format(**self.slots)
        return brief if kind == "brief" else f"{brief} {DETAILS[intent.use_case]}"


def _hash_share(text: str) -> float:
    return int(hashlib.sha256(text.encode()).hexdigest()[:12], 16) / 16**12


def tier_of(user_id: str) -> str:
    """The tier the application knows ``user_id`` by: a stable hash cut by :data:`TIERS`' shares."""
    draw, cumulative = _hash_share(f"feedback-loop/slot-world/tier:{user_id}"), 0.0
    for tier, (share, _) in TIERS.items():
        cumulative += share
        if draw < cumulative:
            return tier
    return tier


def hidden_segment_of(user_id: str) -> Segment:
    """The hidden segment of ``user_id``: ``detailed`` with its tier's probability, by another stable hash."""
    detailed = _hash_share(f"feedback-loop/slot-world/segment:{user_id}") < TIERS[tier_of(user_id)][1]
    return SLOT_SEGMENTS_BY_NAME["detailed" if detailed else "brief"]


def is_silent(user_id: str, silent_share: float) -> bool:
    """Whether ``user_id`` never gives explicit feedback."""
    return _hash_share(f"feedback-loop/slot-world/silent:{user_id}") < silent_share


_WORD = re.compile(r"[a-z0-9$#]+")


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _f1(got: set[str], want: set[str]) -> float:
    common = len(got & want)
    if not common:
        return 0.0
    precision, recall = common / len(got), common / len(want)
    return 2 * precision * recall / (precision + recall)


def _recall(got: set[str], want: set[str]) -> float:
    return len(got & want) / len(want) if want else 1.0


def _template_words(template: str) -> set[str]:
    return set(words(re.sub(r"\{\w+\}", " ", template)))


# Holding replies of the corpus: they repeat a value of the question, and answer nothing.
HOLDING_REPLIES: tuple[str, ...] = (
    "Let me look up {value} for you.",
    "One moment, I am checking {value}.",
    "Thanks, I can see {value} here.",
    "I will check {value} and get back to you.",
    "Give me a second to find {value}.",
)
# Case notes of the corpus: values listed three times, the densest lesson in copying a value (orders twice as often,
# being the longest to copy).
_CASE_NOTE = "Case notes: {values}. Checked {values}. Closed {values}."
_CASE_NOTE_SLOTS = ("order", "order", "amount", "date", "product", "city", "plan")
CORPUS_SIZE = 20000
"""Documents of a world's pretraining corpus: enough that a small model learns to copy values rather than memorize
documents (docs/demo.md)."""
_NONSENSE: tuple[str, ...] = ("", "Hmm.", "Well well well.", "So so so so.")


class SlotWorld:
    """The slot world of one run: its seed, its drift day and how noisy its users are."""

    name = "slots"
    kinds = KINDS
    segments = SLOT_SEGMENTS
    reactions = REACTIONS
    base_model_overrides: Mapping[str, object] = MappingProxyType(
        {"split_digits": True, "num_layers": 2, "max_length": 128, "pretrain_batch_size": 16, "pretrain_steps": 2000}
    )
    """`base_model` settings this world's demo pre-trains with, over the defaults: digits as tokens of their own, and
    a shallower model trained on shorter blocks for ten times the steps, which learns to copy values from a prompt
    where the default recipe does not (docs/demo.md)."""
    adapter_overrides: Mapping[str, Mapping[str, object]] = MappingProxyType(
        dict.fromkeys(("sft", "sft+dpo"), MappingProxyType({"r": 64, "alpha": 128, "epochs": 10}))
    )
    """`lora_adapter` settings this world's demo trains with over the defaults, per objective: for `sft` and `sft+dpo`
    a rank of half the base model's width (128) and twice the passes, which the default rank (16) and 5 epochs leave
    undertrained on a day or two of corrections. `kto` and `dpo` keep the defaults: KTO with that recipe trained 4-5
    times as long on the days' thumbs and passed no more gates; DPO was not measured with it (docs/demo.md)."""

    contexts: tuple[str, ...] = tuple(TIERS)
    """What the application can know of a user (:meth:`context_of`): the tiers."""
    context_instruction = "The user is on the {context} plan."
    """How the application's system prompt names a user's context, when it does (the demo's `context_in_prompt`)."""

    def __init__(
        self,
        seed: int = 0,
        drift_from: date | None = None,
        noise: FeedbackNoise | None = None,
        corpus_size: int = CORPUS_SIZE,
    ):
        self.seed = seed
        self.drift_from = drift_from
        self.noise = noise or FeedbackNoise()
        self.corpus_size = corpus_size
        """Documents of :attr:`corpus`, the base model's pretraining corpus in this world."""

    def intents_on(self, day: date) -> tuple[SlotIntent, ...]:
        """The intents users ask on ``day``: the late ones only from :attr:`drift_from` on (never without one)."""
        drifted = self.drift_from is not None and day >= self.drift_from
        return tuple(intent for intent in SLOT_INTENTS if drifted or not intent.late)

    @staticmethod
    def ask(intent: SlotIntent, rng: random.Random, held_out: bool = False, role: str | None = None) -> Question:
        """A question about ``intent``: a traffic template and traffic values, or (``held_out``) probe ones; the
        values of ``role`` when given."""
        frames = [i for i in range(len(FRAMES)) if (i in PROBE_FRAMES) == held_out]
        frame = FRAMES[rng.choice(frames)]
        action = rng.choice(intent.actions)
        role = role or ("probe" if held_out else "traffic")
        slots = {slot: rng.choice(_pool(slot, role)) for slot in intent.slots}
        text = frame.format(action=action.format(**slots))
        return Question(intent.name, text[0].upper() + text[1:], slots)

    def question(self, rng: random.Random, day: date) -> Question:
        """One question of ``day``'s traffic."""
        return self.ask(rng.choice(self.intents_on(day)), rng)

    def probe_questions(self, count: int) -> list[Question]:
        """``count`` questions of held-out templates and values, over every intent (late ones included)."""
        rng = random.Random(f"slot-world:{self.seed}:probe")
        return [self.ask(SLOT_INTENTS[index % len(SLOT_INTENTS)], rng, held_out=True) for index in range(count)]

    # How answers are judged.
    @cached_property
    def _answer_words(self) -> dict[str, tuple[set[str], set[str]]]:
        return {i.name: (_template_words(i.answer), _template_words(i.paraphrase)) for i in SLOT_INTENTS}

    def classify(self, question: Question, text: str) -> str:
        """Judge a free-form answer to ``question`` as one of :data:`KINDS`.

        The question's values are set aside; a text whose remaining words carry the detail sentence of the
        intent's use case is the ``detailed`` style, and the detail words are set aside too. The closest intent
        answer (canonical or paraphrase) by word-set F1 decides the intent (below 0.5: ``nonsense``). An answer of
        the right intent that leaves out more than a quarter of that answer's words is cut short, ``nonsense``
        ("Order #5669 has" says nothing); one with any of the question's values missing (verbatim) is
        ``wrong_slot``.
        """
        intent = SLOT_INTENTS_BY_NAME[question.intent]
        value_words = {word for value in question.slots.values() for word in words(value)}
        content = set(words(text)) - value_words
        if not content and not text.strip():
            return "nonsense"
        detail_words = set(words(DETAILS[intent.use_case]))
        detail_only = detail_words - self._answer_words[intent.name][0] - self._answer_words[intent.name][1]
        detailed = len(content & detail_words) >= 0.7 * len(detail_words)
        if detailed:
            content -= detail_only
        best, score = None, 0.0
        for name, (canonical, paraphrase) in self._answer_words.items():
            candidate = max(_f1(content, canonical), _f1(content, paraphrase))
            if candidate > score:
                best, score = name, candidate
        if best is None or score < 0.5:
            return "nonsense"
        if best != intent.name:
            return "wrong_intent"
        if max(_recall(content, template) for template in self._answer_words[intent.name]) < MIN_ANSWER_RECALL:
            return "nonsense"
        if any(value not in text for value in question.slots.values()):
            return "wrong_slot"
        return "detailed" if detailed else "brief"

    def example(self) -> tuple[Question, str, str]:
        """A fixed question, its right answer and that answer's kind (for the broken lines of a day)."""
        question = self.ask(SLOT_INTENTS[0], random.Random(0))
        return question, question.right_answer(), "brief"

    def canned(self, question: Question, rng: random.Random, kinds: Mapping[str, float] | None) -> tuple[str, str]:
        """(answer, kind): a canned answer of a kind drawn from ``kinds`` (kind -> weight), or (None) one like the
        base model's: a holding reply."""
        if kinds is None:
            value = next(iter(question.slots.values()), "your request")
            return rng.choice(HOLDING_REPLIES).format(value=value), "nonsense"
        return self.answer_of_kind(question, rng, sample_kind_of(rng, kinds, KINDS))

    def answer_of_kind(self, question: Question, rng: random.Random, kind: str) -> tuple[str, str]:
        """(answer, kind): an answer of ``kind`` to ``question`` (nonsense for wrong values of an intent without)."""
        if kind not in KINDS:
            raise ValueError(f"question {question.intent!r}: unknown response kind {kind!r}; known: {KINDS}")
        intent = SLOT_INTENTS_BY_NAME[question.intent]
        if kind in RIGHT_KINDS:
            return question.right_answer(kind), kind
        if kind == "wrong_slot" and intent.slots:
            return intent.answer.format(**{slot: "it" for slot in intent.slots}), kind
        if kind == "wrong_intent":
            others = [i for i in SLOT_INTENTS if i.name != intent.name and set(i.slots) <= set(question.slots)]
            other = rng.choice(others or [i for i in SLOT_INTENTS if not i.slots])
            return other.answer.format(**question.slots), kind
        return rng.choice(_NONSENSE), "nonsense"

    # Users.
    def context_of(self, user_id: str) -> str:
        """What the application knows of ``user_id`` and reports as ``user_segment``: the tier."""
        return tier_of(user_id)

    def segment_of(self, user_id: str) -> Segment:
        return hidden_segment_of(user_id)

    def silent(self, user_id: str) -> bool:
        return is_silent(user_id, self.noise.silent_share)

    def correction(self, question: Question, segment: Segment, rng: random.Random) -> str:
        """A user's correction in their own wording: the answer or its paraphrase in their preferred style;
        partial or wrong at the :class:`FeedbackNoise` rates. Every draw is made whether or not it is used."""
        intent = SLOT_INTENTS_BY_NAME[question.intent]
        wording, quality, cut = rng.random(), rng.random(), rng.random()
        template = intent.answer if wording < 0.5 else intent.paraphrase
        noise = self.noise
        if quality < noise.partial_correction_rate:
            if cut < 0.5 and intent.slots:  # without slots, "the answer without its values" is the whole answer
                return template.format(**{slot: "it" for slot in intent.slots})
            kept = template.format(**question.slots).split()
            return " ".join(kept[: max(1, len(kept) // 2)])
        if quality < noise.partial_correction_rate + noise.wrong_correction_rate:
            if cut < 0.5 and intent.slots:
                slot = intent.slots[0]
                others = [value for value in _pool(slot, "traffic") if value != question.slots[slot]]
                wrong = {**question.slots, slot: rng.choice(others)}
                return template.format(**wrong)
            return self.answer_of_kind(question, rng, "wrong_intent")[0]
        text = template.format(**question.slots)
        if segment.name == "detailed":
            text = f"{text} {DETAILS[intent.use_case]}"
        return text

    def reaction(self, segment: Segment, kind: str) -> Reaction:
        """How users of ``segment`` react to a ``kind`` answer (the correction rate is the segment's business in
        :meth:`feedback_signals`)."""
        if kind not in REACTIONS:
            raise ValueError(f"segment {segment.name!r}: unknown response kind {kind!r}; known: {KINDS}")
        return _shifted(REACTIONS[kind], segment, kind)

    def feedback_signals(self, reaction: Reaction, question: Question, user_id: str, rng: random.Random) -> dict:
        """What a user reacting as ``reaction`` says explicitly: a thumb (flipped at the noise rate), a rating, a
        correction in their own words (:meth:`correction`), a flag, a comment; nothing from a silent user.

        Every draw is made whether or not it is used, so the users' silence does not reshuffle the rest."""
        signals: dict = {}
        draw = rng.random()
        thumb = "up" if draw < reaction.thumb_up else "down" if draw < reaction.thumb_up + reaction.thumb_down else None
        flipped = rng.random() < self.noise.thumb_flip_rate
        if thumb is not None:
            signals["thumb"] = {"up": "down", "down": "up"}[thumb] if flipped else thumb
        rating, correction, flag = rng.random(), rng.random(), rng.random()
        if rating < reaction.rating:
            signals["rating"] = rng.choice(reaction.ratings)
        segment = self.segment_of(user_id)
        written = self.correction(question, segment, rng)
        if correction < reaction.correction * segment.correction_factor and signals.get("thumb") != "up":
            signals["correction"] = written
        if reaction.flag is not None and flag < reaction.flag_rate and "correction" not in signals:
            signals["flag"] = reaction.flag
        if rng.random() < reaction.comment:
            signals["comment"] = rng.choice(reaction.comments)
        return {} if self.silent(user_id) else signals

    def ceiling(self) -> float:
        """A perfect responder's expected thumbs-up rate (thumbs up / thumbs): every user gets the right answer
        in the style of their hidden segment. Silence drops users of every segment alike."""
        return ceiling_of(self.segments, self.reactions, PREFERRED_KIND, self.noise.thumb_flip_rate)

    def expected_thumbs(self, question: Question, text: str, user_id: str) -> tuple[float, float]:
        """(expected thumbs up, expected thumbs) of ``text`` answering ``question`` for ``user_id``'s hidden
        segment, thumbs flipped at the noise rate, silence left out (it drops users whatever the answer)."""
        kind = self.classify(question, text)
        reaction = self.reaction(self.segment_of(user_id), kind)
        return _flipped_up(reaction, self.noise.thumb_flip_rate), reaction.thumb_up + reaction.thumb_down

    def probe_users(self, count: int) -> list[str]:
        """The users asking the probe's questions: their tiers and hidden segments are like traffic's."""
        return [f"probe-user-{self.seed}-{index}" for index in range(count)]

    # The pretraining corpus.
    @cached_property
    def corpus(self) -> list[str]:
        """The world's pretraining corpus: :meth:`pretraining_corpus` of :attr:`corpus_size` documents."""
        return self.pretraining_corpus(self.corpus_size)

    @cached_property
    def _corpus_texts(self) -> frozenset[str]:
        return corpus_texts(self.corpus)

    def is_corpus_copy(self, text: str) -> bool:
        """Whether ``text`` is exactly a text a model could have copied from :attr:`corpus`."""
        return text.strip() in self._corpus_texts

    def pretraining_corpus(self, size: int = CORPUS_SIZE) -> list[str]:
        """``size`` documents of domain text, none of them a right answer; every one teaches to copy values.

        * a third: support transcripts of the past: a question of an intent with a habit (:func:`habit_of`)
          answered with the habit's answer, the question's values copied into it (a wrong answer); a question of an
          intent without one answered with a holding reply that repeats its values;
        * a sixth: questions answered by a holding reply that repeats their values.

          Every transcript's question has values, and only values the corpus alone uses: a holding reply that
          repeats a traffic question's values, or has none to repeat, is then never a corpus text word for word
          (docs/demo.md);
        * a half: case notes that list one to three order ids, amounts, dates, products, cities or plans (traffic or
          corpus values: the only place where the corpus holds traffic values) three times (:data:`_CASE_NOTE`).
          Copying a number digit by digit is what a small model learns last; these notes are where it learns it
          (docs/demo.md, the measurements).

        Held-out values never appear, and no right answer to a traffic or probe question (tested).
        """
        if size < 0:
            raise ValueError(f"pretraining_corpus: field 'size' must be >= 0, got {size}")
        rng = random.Random(f"slot-world:{self.seed}:corpus")
        with_values = [intent for intent in SLOT_INTENTS if intent.slots]
        documents = []
        for _ in range(size):
            draw = rng.random()
            if draw < 0.5:
                question = self.ask(rng.choice(with_values), rng, role="corpus")
                habit = habit_of(SLOT_INTENTS_BY_NAME[question.intent])
                if draw < 1 / 3 and habit is not None:
                    answer = habit.answer.format(**question.slots)
                else:
                    answer = rng.choice(HOLDING_REPLIES).format(value=" and ".join(question.slots.values()))
                documents.append(format_prompt(question.prompt) + answer)
            else:
                values = [
                    rng.choice(_pool(rng.choice(_CASE_NOTE_SLOTS), rng.choice(("traffic", "corpus"))))
                    for _ in range(rng.randint(1, 3))
                ]
                documents.append(_CASE_NOTE.format(values=", ".join(values)))
        return documents


def habit_of(intent: SlotIntent) -> SlotIntent | None:
    """The intent whose answer the corpus's past transcripts gave to ``intent``'s questions: the next intent of its
    use case (in :data:`SLOT_INTENTS`' order, cyclically) that needs only values ``intent``'s questions carry;
    None when there is none (the corpus then answers with a holding reply)."""
    peers = [other for other in SLOT_INTENTS if other.use_case == intent.use_case]
    start = peers.index(intent)
    for other in peers[start + 1 :] + peers[:start]:
        if other.slots and set(other.slots) <= set(intent.slots):
            return other
    return None


def corpus_texts(documents: list[str]) -> frozenset[str]:
    """The texts a model could copy from a corpus: the answer of each question document, else the document."""
    mark = PROMPT_TEMPLATE.split("{prompt}")[1]
    return frozenset((document.split(mark, 1)[1] if mark in document else document).strip() for document in documents)


def _shifted(reaction: Reaction, segment: Segment, kind: str) -> Reaction:
    thumbs = reaction.thumb_up + reaction.thumb_down
    thumb_up = min(max(reaction.thumb_up + segment.thumb_shift.get(kind, 0.0), 0.0), thumbs)
    return replace(reaction, thumb_up=thumb_up, thumb_down=thumbs - thumb_up)


def _flipped_up(reaction: Reaction, flip_rate: float) -> float:
    return reaction.thumb_up * (1 - flip_rate) + reaction.thumb_down * flip_rate


def ceiling_of(
    segments: tuple[Segment, ...], reactions: Mapping[str, Reaction], preferred: Mapping[str, str], flip_rate: float
) -> float:
    """The expected thumbs-up rate when every segment gets its ``preferred`` kind, thumbs flipped at ``flip_rate``."""
    up = thumbs = 0.0
    for segment in segments:
        kind = preferred[segment.name]
        reaction = _shifted(reactions[kind], segment, kind)
        up += segment.share * _flipped_up(reaction, flip_rate)
        thumbs += segment.share * (reaction.thumb_up + reaction.thumb_down)
    return up / thumbs
