"""Famous people, characters and things named after people that a question asks about, which stay: methods and
diseases named after two people joined by a dash ("the ...-... U test"), a cognac's grade or a spirit or a coffee
compared ("... VSOP", "Is ...'s a bourbon?", "Is ... coffee better than ...?"), a chain's breakfast hours, a
character's decisions in a season of a show, their character arc or costume, a figure's influence, a language they
really spoke, their role during a war, a work they wrote, a figure a class studies, a creator's song by its quoted
title, a journey's stop before "to the ..." and a quarter on old docks ("... Wharf"). Private people in the same
frames stay redacted."""

from __future__ import annotations

import pytest

from feedback_loop.privacy import Redactor


@pytest.mark.parametrize(
    "sentence",
    [
        # Two people's names joined by a dash before what medicine names after them.
        "How is Creutzfeldt–Jakob disease diagnosed?",
        # A cognac's grade, a spirit's possessive standing for it.
        "Which is smoother for an Old Fashioned, Courvoisier VSOP or Martell VSOP?",
        "Is Jim Beam's technically a bourbon?",
        # A chain's breakfast hours.
        "Until when are Denny's breakfast hours on a Saturday?",
        # A character's choices in a season of a titled show, an arc, costumes.
        "What drives Daenerys Targaryen's choices in the last season of Game of Thrones?",
        "How do Tony Soprano's decisions in the final season of The Sopranos reflect his therapy?",
        "Is Zuko's character arc the best in the whole show?",
        "Are Hermione Granger and Katniss Everdeen costumes too obvious for a book parade?",
        # What a figure of history shaped.
        "How did Kwame Nkrumah influence the Pan-African movement?",
        "How did Rabindranath Tagore inspire the Bengal Renaissance?",
        # A language a figure really spoke; a character drawn from life.
        "Did Genghis Khan actually speak Mongolian?",
        "Did Catherine the Great actually speak Russian?",
        "Was Don Quixote based on a real person?",
        "Is Tintin based on a real person?",
        # A figure's role during a war, at a place or in a movement.
        "What was Noor Inayat Khan's role in the French Resistance during the war?",
        "What was Grace Hopper's role at Harvard during the war?",
        # Why a creator wrote a work, its title after the verb.
        "Why did Gabriel García Márquez write One Hundred Years of Solitude?",
        "When did Chimamanda Ngozi Adichie write Half of a Yellow Sun?",
        # Figures a class studies, even in a parent's words.
        "Our son's class is studying Toussaint Louverture and Harriet Tubman. Any good picture books?",
        "The pupils are learning about Ibn Battuta this term. What maps would help?",
        # A creator's song by its quoted title.
        'What is the story behind Bob Marley\'s song "Redemption Song"?',
        'What does Miriam Makeba\'s song "Pata Pata" mean?',
        # An airport named after a person, the way from it to a landmark.
        "What's the best way to get from Ninoy Aquino to the Intramuros walls with luggage?",
        "How do I get from Jomo Kenyatta to the Nairobi National Museum?",
        # A quarter built on old docks, chosen between.
        "Liberty Wharf or the Seaport for brunch with a view?",
    ],
)
def test_the_name_stays(sentence: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == sentence


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        # Private people in the same frames.
        ("How did Amaka influence the team's decision?", "How did <PERSON> influence the team's decision?"),
        (
            "What was Rahul's role at the bakery during the strike?",
            "What was <PERSON>'s role at the bakery during the strike?",
        ),
        ("Is Lerato Mokoena in Lisbon this week?", "Is <PERSON> in Lisbon this week?"),
        ("What are Bongani's working hours on weekends?", "What are <PERSON>'s working hours on weekends?"),
        ("Is Kemi Adeyemi's coffee really better than mine?", "Is <PERSON>'s coffee really better than mine?"),
        (
            "Did Siobhan actually speak to the landlord yesterday?",
            "Did <PERSON> actually speak to the landlord yesterday?",
        ),
        (
            "My son's class is studying with Ayesha Siddiqui this term.",
            "My son's class is studying with <PERSON> this term.",
        ),
        ("Why did Tomasz write the memo to my manager?", "Why did <PERSON> write the memo to my manager?"),
        (
            "What drove Wanjiru Kamau's decisions in Nairobi last year?",
            "What drove <PERSON>'s decisions in Nairobi last year?",
        ),
        (
            "Did Priya Raman's costumes arrive for the school play?",
            "Did <PERSON>'s costumes arrive for the school play?",
        ),
        (
            "Can you get a lift from Mateus Oliveira to the airport tomorrow?",
            "Can you get a lift from <PERSON> to the airport tomorrow?",
        ),
        (
            "Please send the Smith-Jones test results to Dr Okafor.",
            "Please send the Smith-Jones test results to Dr <PERSON>.",
        ),
        (
            "Did Zanele Mbeki actually speak Zulu to the landlord?",
            "Did <PERSON> actually speak Zulu to the landlord?",
        ),
        ("Is Oluwaseun Bello based on the third floor?", "Is <PERSON> based on the third floor?"),
        (
            "Why did Chen Jing write Urgent Reply Needed in my inbox?",
            "Why did <PERSON> write Urgent Reply Needed in my inbox?",
        ),
        (
            'What is the meaning behind Amaka\'s song "Lagos Nights"?',
            'What is the meaning behind <PERSON>\'s song "Lagos Nights"?',
        ),
    ],
)
def test_a_private_person_is_still_redacted(sentence: str, redacted: str) -> None:
    assert Redactor("patterns+ner").redact(sentence).text == redacted
