"""A famous person's home or work after their possessive, a titled character a question asks about, fashion houses
named after their founders, titles of works that hold a name, and destinations named like people are no people to
redact in a question of general knowledge; the same words about someone the writer deals with (a first-person word,
a service's matters, a role in brackets, what a person does) keep the name redacted."""

from __future__ import annotations

import pytest

from feedback_loop.privacy import Redactor


@pytest.mark.parametrize(
    "prompt",
    [
        # A famous person's possession: a home people visit, a work's or an award's title, a principle.
        "Is Claude Monet's house in Giverny worth a visit in spring?",
        "How many tourists visit Ernest Hemingway's home in Havana?",
        "Is Charles Dickens's birthplace museum open to the public?",
        "Why is John Coltrane's A Love Supreme considered a masterpiece?",
        "Why is Frida Kahlo's The Two Fridas so famous?",
        "How does Gödel's incompleteness theorem work?",
        # A character after a title, in a question about the character or the work.
        "Is Captain Nemo a villain or a hero?",
        "What is Inspector Maigret's backstory?",
        "Why is Miss Havisham such a tragic character?",
        "How old is Lady Bracknell in the Wilde play?",
        "Is Father Ted based on a real priest?",
        # Fashion houses named after their founders, compared, listed or with their goods.
        "Is Balenciaga or Versace more expensive?",
        "Which holds value better, Cartier or Bulgari?",
        "Prada, Fendi and Valentino are all Italian houses, right?",
        "Should I buy a Celine tote or a Goyard bag?",
        "Are Lanvin and Celine owned by the same group?",
        "Is Armani or Ralph Lauren better for suits?",
        # A work's title that holds a name.
        "What is Pippi Longstocking about?",
        "Is Matilda a good book for a nine year old?",
        "Is Amélie a good film for a first date?",
        "What happens at the end of Tristan and Isolde?",
        "Is Ponyo by Studio Ghibli good for kids? Is My Friend Totoro different?",
        "Who animated Ernest's Flying Circus?",
        "Should I read Jane of Lantern Hill or Emily of New Moon first?",
        # A destination named like a person.
        "What is the best time to visit Lourdes?",
        "How far is Sofia from Plovdiv by car?",
        "Is a day trip to Adelaide from Melbourne realistic?",
        "Can you plan an itinerary for Victoria and Tofino?",
        "How many days in Alexandria are enough?",
        "Florence or Verona for a honeymoon?",
        "Things to do in Savannah in winter?",
    ],
)
def test_a_famous_namesake_in_a_question_of_general_knowledge_is_no_person(prompt: str) -> None:
    assert Redactor("patterns+ner").redact(prompt).text == prompt


@pytest.mark.parametrize(
    ("prompt", "name"),
    [
        ("My neighbour Sofia said the parcel was left at her door.", "Sofia"),
        ("Verona from HR asked me to resend the form.", "Verona"),
        ("Celine (our intern) will call you tomorrow.", "Celine"),
        ("Celine (our intern) wants a Prada bag for the raffle.", "Celine"),
        ("Marta (my neighbour) wants the spare keys.", "Marta"),
        ("Adelaide left a voicemail about order 5521.", "Adelaide"),
        ("Is Claude Monet's house insurance claim done? I sent the forms.", "Claude Monet"),
        ("Mrs. Havisham called about her refund on Tuesday.", "Havisham"),
        ("Captain Ruiz from the ferry company emailed me.", "Ruiz"),
        ("Tell Celine the Prada bag she ordered has shipped.", "Celine"),
        ("Valentino said he would send the invoice.", "Valentino"),
        ("Can you book a trip to see my aunt Lourdes on Friday?", "Lourdes"),
        ("What is Maria about to send me?", "Maria"),
        ("Is Florence a good fit for the team?", "Florence"),
        ("Ask Victoria for the itinerary for Tofino.", "Victoria"),
        ("My friend Matilda is a good book reviewer, ask her.", "Matilda"),
        ("How far is Sofia from finishing the report?", "Sofia"),
        ("Is My Friend Anna coming on Monday?", "Anna"),
        ("What is Kiki's delivery about? I ordered it yesterday.", "Kiki"),
    ],
)
def test_someone_the_writer_deals_with_stays_redacted(prompt: str, name: str) -> None:
    assert name not in Redactor("patterns+ner").redact(prompt).text
