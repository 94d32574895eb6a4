"""PII redaction: every type in several formats, the near-misses that must stay, pseudonyms, the corpus."""

from __future__ import annotations

import re

import pytest

from feedback_loop.privacy import PLACEHOLDERS, REDACTION_TYPES, pseudonymize, redact, redact_lines
from feedback_loop.privacy.corpus import generate_corpus, luhn_complete, measure_redaction

# (type, sentence, the identifier in it that must vanish)
_POSITIVES = [
    ("EMAIL", "mail jane.doe@example.com today", "jane.doe@example.com"),
    ("EMAIL", "Reply-To: <Jane.Doe+billing@Mail.Example.CO.UK>", "Jane.Doe+billing@Mail.Example.CO.UK"),
    ("EMAIL", "contact josé.müller@exämple.de", "josé.müller@exämple.de"),
    ("EMAIL", "write to o'brien@example.ie.", "o'brien@example.ie"),
    ("EMAIL", "my address: jane [at] example [dot] com", "jane [at] example [dot] com"),
    ("EMAIL", "jane(at)example.org please", "jane(at)example.org"),
    ("EMAIL", "reach me at jane at example dot com", "jane at example dot com"),
    ("EMAIL", "GET /unsubscribe?email=jane%40example.com", "jane%40example.com"),
    ("PHONE", "call +1 415 555 0123 now", "+1 415 555 0123"),
    ("PHONE", "call (415) 555-0123 now", "(415) 555-0123"),
    ("PHONE", "office 415-555-0123", "415-555-0123"),
    ("PHONE", "office 415.555.0123", "415.555.0123"),
    ("PHONE", "toll free 1-800-555-0199", "1-800-555-0199"),
    ("PHONE", "London +44 20 7946 0958", "+44 20 7946 0958"),
    ("PHONE", "London +44 (0)20 7946 0958", "+44 (0)20 7946 0958"),
    ("PHONE", "mobile 07700 900123", "07700 900123"),
    ("PHONE", "Berlin +49 30 123456", "+49 30 123456"),
    ("PHONE", "Berlin 0049 30 123456", "0049 30 123456"),
    ("PHONE", "Berlin 030/1234567", "030/1234567"),
    ("PHONE", "Paris +33 1 23 45 67 89", "+33 1 23 45 67 89"),
    ("PHONE", "Paris 06.12.34.56.78", "06.12.34.56.78"),
    ("PHONE", "Tokyo +81 3-1234-5678", "+81 3-1234-5678"),
    ("PHONE", "Moscow +7 495 123-45-67", "+7 495 123-45-67"),
    ("PHONE", "tel:+14155550123", "+14155550123"),
    ("PHONE", "call me at 4155550123", "4155550123"),
    ("PHONE", "desk 415-555-0123 ext. 42", "415-555-0123 ext. 42"),
    ("PHONE", "call\u00a0+1\u00a0415\u00a0555\u00a00123", "+1\u00a0415\u00a0555\u00a00123"),
    # Named as a phone only by the words around it: before ("my number is", "I'm on") or after ("is my cell").
    ("PHONE", "my number is 75665 13793", "75665 13793"),
    ("PHONE", "sorry, the correct number is 0624360202", "0624360202"),
    ("PHONE", "I'm on 98765 43210 all day", "98765 43210"),
    ("PHONE", "the verification code was sent to 93107 51036", "93107 51036"),
    ("PHONE", "98619 93105 is my cell", "98619 93105"),
    ("PHONE", "42 93273-4481 (mobile)", "42 93273-4481"),
    ("PHONE", "celular: 91234-5678", "91234-5678"),
    # Area codes in parentheses, and trunk-0 numbers of 12 digits.
    ("PHONE", "Rio (21) 2345-6789", "(21) 2345-6789"),
    ("PHONE", "São Paulo (011) 91234-5678", "(011) 91234-5678"),
    ("PHONE", "Berlin 0170-16643012", "0170-16643012"),
    # Right after another number or sentence.
    ("PHONE", "ZIP 39142. 080-4888-0009 is mine", "080-4888-0009"),
    ("PHONE", "Tracking: 254122065054 - 0044 7736 038 044", "0044 7736 038 044"),
    ("CARD", "card 4111 1111 1111 1111 exp 12/27", "4111 1111 1111 1111"),
    ("CARD", "card 4111-1111-1111-1111", "4111-1111-1111-1111"),
    ("CARD", "card 4111111111111111.", "4111111111111111"),
    ("CARD", "amex 3782 822463 10005", "3782 822463 10005"),
    ("CARD", "amex 378282246310005", "378282246310005"),
    ("CARD", "mastercard 2221 0000 0000 0009", "2221 0000 0000 0009"),
    ("CARD", "unionpay 6212 3456 7890 1234 569", "6212 3456 7890 1234 569"),
    ("IBAN", "IBAN DE89 3704 0044 0532 0130 00 please", "DE89 3704 0044 0532 0130 00"),
    ("IBAN", "IBAN GB29NWBK60161331926819", "GB29NWBK60161331926819"),
    ("IBAN", "iban fr1420041010050500013m02606", "fr1420041010050500013m02606"),
    ("IBAN", "NL91 ABNA 0417 1643 00 and more words", "NL91 ABNA 0417 1643 00"),
    # Account numbers that are mostly letters (Swiss, Italian), compact or in groups of four.
    ("IBAN", "paid from CH7804835SPARKONTO7XQ today", "CH7804835SPARKONTO7XQ"),
    ("IBAN", "IBAN: CH78 0483 5SPA RKON TO7X Q, thanks", "CH78 0483 5SPA RKON TO7X Q"),
    ("IBAN", "the mandate for IT57X0542811101KONTOABCDEFG is active", "IT57X0542811101KONTOABCDEFG"),
    ("IP", "login from 203.0.113.77", "203.0.113.77"),
    ("IP", "db at 10.0.3.7:5432", "10.0.3.7"),
    ("IP", "peer 2001:db8::8a2e:370:7334 dropped", "2001:db8::8a2e:370:7334"),
    ("IP", "peer 2001:0db8:85a3:0000:0000:8a2e:0370:7334", "2001:0db8:85a3:0000:0000:8a2e:0370:7334"),
    ("IP", "mapped ::ffff:192.0.2.128 here", "::ffff:192.0.2.128"),
    ("IP", "blocked 2001:db8::1:5: retry", "2001:db8::1:5"),
    ("SSN", "SSN 123-45-6789", "123-45-6789"),
    ("SSN", "ssn 123 45 6789", "123 45 6789"),
    ("SSN", "my SSN is 123456789", "123456789"),
    ("SSN", "Social Security No. 123.45.6789", "123.45.6789"),
    ("SECRET", "key AKIAIOSFODNN7EXAMPLE leaked", "AKIAIOSFODNN7EXAMPLE"),
    ("SECRET", "token ghp_" + "a1B2c3D4e5" * 4 + " here", "ghp_" + "a1B2c3D4e5" * 4),
    (
        "SECRET",
        "pat github_pat_11ABCDEFG0123456789_abcdefghijklmnop",
        "github_pat_11ABCDEFG0123456789_abcdefghijklmnop",
    ),
    ("SECRET", "slack xoxb-123456789012-abcdefABCDEF", "xoxb-123456789012-abcdefABCDEF"),
    ("SECRET", "stripe sk_live_4eC39HqLyjWDarjtT1zdp7dc", "sk_live_4eC39HqLyjWDarjtT1zdp7dc"),
    ("SECRET", "stripe rk_live_4eC39HqLyjWDarjtT1zdp7dc", "rk_live_4eC39HqLyjWDarjtT1zdp7dc"),
    ("SECRET", "openai sk-proj-abcdefghijklmnopqrstuvwxyz012345", "sk-proj-abcdefghijklmnopqrstuvwxyz012345"),
    ("SECRET", "google AIzaSyA1234567890abcdefghijklmnopqrstuv", "AIzaSyA1234567890abcdefghijklmnopqrstuv"),
    ("SECRET", "jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.dozjgNryP4J3jVmNHl0w5N", "eyJzdWIiOiIxMjM0In0"),
    ("SECRET", "password=hunter2", "hunter2"),
    ("SECRET", '{"api_key": "c2VjcmV0LXZhbHVl"}', "c2VjcmV0LXZhbHVl"),
    ("SECRET", "api_key: letmein", "letmein"),
    ("SECRET", "export DB_PASSWORD='Tr0ub4dor&3'", "Tr0ub4dor&3"),
    ("SECRET", "PGPASSWORD=s3cr3t!", "s3cr3t!"),
    ("SECRET", "mysqldump --password sunshine db", "sunshine"),
    ("SECRET", "Authorization: Bearer abc.def-ghi", "abc.def-ghi"),
    # Values with a dot are keys, not code, unless they read as a code path (see the near-misses).
    ("SECRET", "apiKey=Qm4xT9vLk2PzR7wY.Hc8nB3dF6sJ1", "Qm4xT9vLk2PzR7wY.Hc8nB3dF6sJ1"),
    ("SECRET", '{"x-api-key": "Qm4xT9vLk2PzR7wY.Hc8nB3dF6sJ1"}', "Qm4xT9vLk2PzR7wY.Hc8nB3dF6sJ1"),
    ("SECRET", "SENDGRID_API_KEY: Qm4xT9vLk2PzR7wY.Hc8nB3dF6sJ1 - right?", "Qm4xT9vLk2PzR7wY.Hc8nB3dF6sJ1"),
    ("SECRET", "password=hunter.two", "hunter.two"),
    ("SECRET", "bot MTk4NjIyNDgzNDcxOTI1MjQ4.Cl2FMQ.ZnCjm1XVW7vRze4b7Cq4se7kKWs", "ZnCjm1XVW7vRze4b7Cq4se7kKWs"),
    ("SECRET", "password='x'", "'x'"),
    ("SECRET", "login?user=jdoe&password=$kR7_pX2mQzLw ok", "$kR7_pX2mQzLw"),
    # Passwords said in a sentence.
    ("SECRET", "the password I use is Summer!2017. Thanks", "Summer!2017"),
    ("SECRET", "pw is Drag0n324! thx", "Drag0n324"),
    ("SECRET", "my password is x", " x"),
    ("SECRET", "my password is sunshine and it fails", "sunshine"),
    ("SECRET", "the wifi password for the office is 'guest'.", "guest"),
    ("SECRET", "I changed my password to P@ssw0rd!", "P@ssw0rd"),
    ("SECRET", "I reset it to Kx8#pLm2Qz and still can't log in", "Kx8#pLm2Qz"),
    ("URL_CREDENTIALS", "DATABASE_URL=postgres://admin:s3cr3t@db.internal:5432/app", "admin:s3cr3t"),
    ("URL_CREDENTIALS", "redis://:hunter2@cache:6379", ":hunter2"),
    ("URL_CREDENTIALS", "https://bob:p@ss#1@example.com/x", "bob:p@ss#1"),
]

# Written like identifiers, but none: each sentence must come out unchanged.
_NEAR_MISSES = [
    # Eight pairs of hex digits are a key fingerprint or a hardware address, not an IPv6 address.
    "The signing key fingerprint is 9E:41:0A:C7:5B:D2:18:F3.",
    "order ORD-2026-118842 and #48213977 and order no. 4155550123",
    "reference 4111 1111 1111 1112 fails Luhn, and so does 4111111111111112",
    "on 2026-11-29, 29.11.2026, 11/29/2026 and 01.12.2026 10:00 at 14:30 or 09:15:00",
    "versions 1.13.27, v2.0.1.4, brotli>=1.2.0.0 and 1.2.3.4.5",
    "it costs $1,299.00 or 1 299,00 €, up 12.5% (+15%)",
    "fixed in 9fceb02d0ae598e95dc970b74767f19372d61af8 and 3f9a2c1",
    "request 123e4567-e89b-12d3-a456-426614174000 failed",
    "tracking 1Z999AA10123456784, 9400 1000 0000 0000 0000 00 and tracking number 0032 5104 2748",
    "the book 978-3-16-148410-0 (ISBN 0-306-40615-2)",
    "@mention and @team-infra, user@ and foo@bar, icon@2x.png, lodash@4.17.21, root@localhost",
    "zip 94103, 94103-1234 and SW1A 1AA in 1999-2026",
    "3 items, room 415, call 911, HTTP 404, page 12-15, ratio 16:9, 1920x1080",
    "256.1.1.1 and 10.0.0 are no addresses; 127.0.0.1:5432 and 0.0.0.0 name no host",
    "MAC 00:1A:2B:3C:4D:5E, time 12:30:45, a[::2], std::vector, ::1",
    "invalid SSNs 000-12-3456, 666-12-3456, 912-34-5678, 123-00-4567, 123-45-0000",
    "DE00 3704 0044 0532 0130 00 fails the IBAN check",
    "reset your password: it takes a minute; password: forgotten again; the secret: bake it slowly",
    "max_tokens=512, token_count=1200, 'token': 3291, scikit-learn, Authorization header missing",
    'token = next(tokens); eos_token="</s>"; bos_token=BOS_TOKEN; token: int; api_key=${API_KEY}',
    "s3://{access_key}:{secret_key}@bucket and Bearer <access_token>",
    "coordinates 37.7749, -122.4194 and pi 3.14159 and 1,000,000 users, jd = 1721425.5",
    # Placeholders with spaces, masks before a full stop, code paths.
    "set password=<your password> in the file; --password <your password>; Password: ********.",
    "api_key=settings.API_KEY; token = config.token; apiKey: process.env.API_KEY; password=form.password",
    "password=$DB_PASSWORD; password=$dbPassword; api_key=${API_KEY}; token=$1",
    # Password prose: a state, a quantity, the sentence going on, code.
    "my password is wrong; the password is case sensitive; my password is 8 characters long",
    "my password was changed yesterday; if password is None: return; I reset it to factory settings",
    # Dotted quads named as versions; IPs elsewhere stay redacted (see the positives).
    "firmware 2.8.4.85, driver 31.0.15.36, version 1.0.0.45, v 4.1.0.2, build 10.0.3.7",
    # "number" with no phone meant; a year in parentheses; counts after a dash.
    "my number of orders is 12345 67890; my order number is 4155550123; Report (2020) 1234-5678",
    "my phone died so I'm on my laptop, ship to 95255-7167",
    # Prose after a country code and two digits passes the IBAN checksum here, but is not written as an IBAN.
    "AT32 we send it again now",
]


@pytest.mark.parametrize(("kind", "sentence", "identifier"), _POSITIVES)
def test_each_type_is_replaced_by_its_placeholder(kind: str, sentence: str, identifier: str) -> None:
    redaction = redact(sentence)

    assert identifier not in redaction.text
    assert PLACEHOLDERS[kind] in redaction.text
    assert redaction.counts == {kind: 1}


@pytest.mark.parametrize("sentence", _NEAR_MISSES)
def test_near_misses_stay_as_they_are(sentence: str) -> None:
    assert redact(sentence).text == sentence
    assert redact(sentence).counts == {}


def test_only_the_sensitive_part_is_replaced() -> None:
    assert redact("postgres://admin:s3cr3t@db:5432/app").text == "postgres://<CREDENTIALS>@db:5432/app"
    assert redact('{"password": "hunter2", "user": "x"}').text == '{"password": "<SECRET>", "user": "x"}'
    assert redact("card 4111 1111 1111 1111 12/27").text == "card <CARD> 12/27"
    assert redact("call 415-555-0123 2 times").text == "call <PHONE> 2 times"
    assert redact("(call 020 7946 0958)").text == "(call <PHONE>)"


# Numbers and addresses written with dashes, spaces, digits and invisible characters the patterns do not know: the
# detectors read them as ASCII writes them; the rest of the text stays as it was written.
_UNICODE_WRITTEN = [
    ("You can call us at 415\u2011555\u20110123.", "You can call us at <PHONE>."),
    ("Call +44\u201120\u20117946\u20110958 \u2013 thanks", "Call <PHONE> \u2013 thanks"),
    ("call 415\u2212555\u22120123", "call <PHONE>"),
    ("call 415\u2013555\u20130123", "call <PHONE>"),
    ("card 4111\u20111111\u20111111\u20111111", "card <CARD>"),
    ("card 4111\u30001111\u30001111\u30001111", "card <CARD>"),
    ("card 4111\u20021111\u20021111\u20021111", "card <CARD>"),
    ("4111\u00ad1111\u00ad1111\u00ad1111", "<CARD>"),
    ("card 4111\u200b1111\u200b1111\u200b1111", "card <CARD>"),
    ("SSN 123\u201145\u20116789", "SSN <SSN>"),
    ("my number 123\u201145\u20116789", "my number <SSN>"),
    ("call +44 20\u200f 7946 0958", "call <PHONE>"),
    ("call \u200e+44 20 7946 0958\u200e now", "call \u200e<PHONE>\u200e now"),
    ("call +\u0669\u0667\u0661\u0665\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667", "call <PHONE>"),
    ("call me on \u0660\u0665\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667", "call me on <PHONE>"),
    ("call \uff14\uff11\uff15\uff0d\uff15\uff15\uff15\uff0d\uff10\uff11\uff12\uff13", "call <PHONE>"),
    ("jane.doe@exam\u00adple.com", "<EMAIL>"),
    ("\uff4a\uff41\uff4e\uff45\uff20\uff45\uff58\uff41\uff4d\uff50\uff4c\uff45\uff0e\uff43\uff4f\uff4d", "<EMAIL>"),
    ("IBAN DE89\u20113704\u20110044\u20110532\u20110130\u201100", "IBAN <IBAN>"),
    ("DOB \uff11\uff12/\uff10\uff13/\uff11\uff19\uff18\uff15", "DOB <DOB>"),
    ("call\u200b4155550123 \u2014 done", "call\u200b<PHONE> \u2014 done"),
    # Nothing to redact: the text stays exactly as written.
    ("pages 12\u201314 \u2014 see \uff08note\uff09\u200b", "pages 12\u201314 \u2014 see \uff08note\uff09\u200b"),
    # A dash against what the text as written gives away (folded to "-", it hid the number or address after it).
    ("Reach me at my cell\u2014415-555-0123\u2014anytime.", "Reach me at my cell\u2014<PHONE>\u2014anytime."),
    ("Email me at jane@example.com\u2014thanks!", "Email me at <EMAIL>\u2014thanks!"),
    ("My IBAN\u2014DE89370400440532013000", "My IBAN\u2014<IBAN>"),
    ("SSN\u2013123-45-6789", "SSN\u2013<SSN>"),
    ("My card\u20144111 1111 1111 1111", "My card\u2014<CARD>"),
    ("\uff034111111111111111", "\uff03<CARD>"),
    ("card 4111111111111111\u200b1234", "card <CARD>\u200b1234"),
    ("cell\u2014415\u2011555\u20110123\u2014anytime", "cell\u2014<PHONE>\u2014anytime"),
]


@pytest.mark.parametrize(("sentence", "redacted"), _UNICODE_WRITTEN)
def test_numbers_written_with_unicode_dashes_spaces_and_digits_are_redacted(sentence: str, redacted: str) -> None:
    assert redact(sentence, "patterns").text == redacted
    assert redact(sentence).text == redacted


@pytest.mark.parametrize(
    ("sentence", "redacted"),
    [
        # A CSV field right after a comma.
        ("jane@example.com,415-555-0123", "<EMAIL>,<PHONE>"),
        ("name,email,phone\nThabo,thabo@example.com,+14155550123", "name,email,phone\nThabo,<EMAIL>,<PHONE>"),
        ("phones: +14155550123,+14155550124", "phones: <PHONE>,<PHONE>"),
        ("ssn,123-45-6789", "ssn,<SSN>"),
        ("id,card\n17,4111111111111111", "id,card\n17,<CARD>"),
        # An SSN as a JSON or Python value after its key.
        ('{"ssn": "123456789"}', '{"ssn": "<SSN>"}'),
        ('{"SSN":"123-45-6789"}', '{"SSN":"<SSN>"}'),
        ("'ssn': 123456789", "'ssn': <SSN>"),
        # A date of birth with the month's name between dashes or slashes.
        ("DOB 12-Mar-1985", "DOB <DOB>"),
        ("Date of birth: 12-MAR-1985", "Date of birth: <DOB>"),
        ("born 12/Mar/1985", "born <DOB>"),
        ("DOB: 1985-Mar-12", "DOB: <DOB>"),
        # Thousands groups after a comma stay numbers.
        ("1,234,567,890 units", "1,234,567,890 units"),
        ("revenue 12,415,555,0123", "revenue 12,415,555,0123"),
        ("ssn 12-Mar-1985 ok", "ssn 12-Mar-1985 ok"),
    ],
)
def test_csv_fields_json_values_and_dates_with_the_months_name(sentence: str, redacted: str) -> None:
    assert redact(sentence, "patterns").text == redacted


def test_the_order_gives_each_identifier_to_the_most_specific_detector() -> None:
    # The '@' of URL credentials is not an e-mail address; an IBAN's digits are neither a card nor a phone;
    # a card's groups are not a phone; an SSN is not a phone; an IPv4-mapped IPv6 address is one address.
    assert redact("https://jane:pw@example.com").counts == {"URL_CREDENTIALS": 1}
    assert redact("DE89 3704 0044 0532 0130 00").counts == {"IBAN": 1}
    assert redact("5555 5555 5555 4444").counts == {"CARD": 1}
    assert redact("SSN 123-45-6789").counts == {"SSN": 1}
    assert redact("::ffff:192.0.2.128").text == "<IP>"
    assert redact("password=jane@example.com").counts == {"SECRET": 1}


def test_a_phone_number_glued_to_another_leaves_no_digit_of_either() -> None:
    assert redact("+44 20 8259 8554 (399) 646-2502").text == "<PHONE> <PHONE>"
    assert redact("+44 20 8259 8554 (399) 646-2502").counts == {"PHONE": 2}
    assert redact("+44 20 8259 8554 - (399) 646-2502").text == "<PHONE> - <PHONE>"
    assert redact("call 415-555-0123 2024").text == "call <PHONE>"
    assert redact("call 415-555-0123 2 times").text == "call <PHONE> 2 times"


def test_a_number_named_as_a_product_code_is_no_card() -> None:
    ean = luhn_complete("400638133393")  # 13 digits, Visa's leading 4, passes Luhn: a card if named as none

    assert redact(f"card {ean}").text == "card <CARD>"
    for named in (f"EAN {ean} on the box", f"barcode: {ean}", f"GTIN-13 {ean}", f"UPC no. {ean}"):
        assert redact(named).text == named
    # 16 digits are no product code's length: a card after "barcode" is still a card.
    assert redact("barcode 4111111111111111").text == "barcode <CARD>"


def test_a_dotted_quad_is_a_version_only_right_after_a_version_word() -> None:
    assert redact("firmware 2.8.4.85").text == "firmware 2.8.4.85"
    assert redact("the firmware server at 10.0.3.7").text == "the firmware server at <IP>"
    assert redact("version 2 runs on 10.0.3.7").text == "version 2 runs on <IP>"


def test_a_dotted_quad_named_as_a_products_code_or_a_subnet_mask_is_no_host() -> None:
    for named in (
        "part number 10.250.33.7",
        "filter cartridge 44.120.8.19",
        "SKU: 12.40.8.3",
        "P/N 172.16.4.20",
        "catalogue number 10.250.33.7",
        "replacement code 12.40.8.3",
    ):
        assert redact(named).text == named
    for mask in ("subnet mask 255.255.255.0", "netmask 255.255.240.0", "mask 255.0.0.0"):
        assert redact(mask).text == mask
    assert redact("the part server at 10.250.33.7").text == "the part server at <IP>"
    assert redact("gateway 255.255.255.1").text == "gateway <IP>"
    # Digits of another script in a quad: no mask, and no error.
    assert redact("host 192.168.1.20٤").text == "host <IP>"


def test_card_numbers_need_the_luhn_check_and_a_network_prefix() -> None:
    valid = luhn_complete("453201511283036")
    wrong = valid[:-1] + str((int(valid[-1]) + 1) % 10)
    airline = luhn_complete("123456789012345")

    assert redact(f"card {valid}").text == "card <CARD>"
    assert redact(f"card {wrong}").text == f"card {wrong}"
    assert redact(f"card {airline}").text == f"card {airline}"


def test_a_card_in_groups_of_four_separated_by_dots_is_a_card() -> None:
    assert redact("my card is 4111.1111.1111.1111, please refund").text == "my card is <CARD>, please refund"
    assert redact("build 2024.1111.0001.1234").text == "build 2024.1111.0001.1234"


def test_a_phone_number_in_a_messaging_or_call_link_goes_and_the_link_stays() -> None:
    assert (
        redact("Message me on https://wa.me/447911123456 anytime").text == "Message me on https://wa.me/<PHONE> anytime"
    )
    assert (
        redact("https://api.whatsapp.com/send?phone=447911123456&text=hi").text
        == "https://api.whatsapp.com/send?phone=<PHONE>&text=hi"
    )
    assert redact("https://example.com/call?tel=%2B14155552671").text == "https://example.com/call?tel=<PHONE>"
    # Too short or named as something else: no phone number.
    for kept in ("wa.me/12345", "https://example.com/page?number=1234567890", "order?id=12345678901&phone="):
        assert redact(kept).text == kept


@pytest.mark.parametrize(
    ("text", "redacted"),
    [
        ('{\\"password\\": \\"Summer2024!\\"}', '{\\"password\\": \\"<SECRET>\\"}'),
        ('{\\"api_key\\": \\"9f8e7d6c5b4a39281706\\"}', '{\\"api_key\\": \\"<SECRET>\\"}'),
        ("<password>Summer2024!</password>", "<password><SECRET></password>"),
        ("<api_key>9f8e7d6c5b4a39281706</api_key>", "<api_key><SECRET></api_key>"),
        ("my pwd is hunter2hunter", "my pwd is <SECRET>"),
        # References and states stay.
        ('{\\"password\\": \\"${PW}\\"}', None),
        ("<token>{{ token }}</token> and <password>********</password>", None),
        ("my pwd is wrong; pw: 3; set pw=1.5 in the config", None),
    ],
)
def test_secrets_in_escaped_json_xml_and_short_password_words(text: str, redacted: str | None) -> None:
    assert redact(text).text == (text if redacted is None else redacted)


@pytest.mark.parametrize(
    ("text", "redacted"),
    [
        # Right after the noun, no "is" and no ":".
        ("interim password Odessa2031! shared by phone", "interim password <SECRET> shared by phone"),
        ("guest pw Falcon#62 at the front desk", "guest pw <SECRET> at the front desk"),
        ("vpn pwd Mx4&rT7q works again", "vpn pwd <SECRET> works again"),
        ("Password - Cedar9?Pine", "Password - <SECRET>"),
        ("locker passcode 9034# on the left", "locker passcode <SECRET> on the left"),
        # "the pass is", "PW:", "'s" and a noun phrase of two words before the colon or "is".
        ("so the pass is zebra77x", "so the pass is <SECRET>"),
        ("PW: qv7!Lx2w", "PW: <SECRET>"),
        ("passcode: 55-18-04", "passcode: <SECRET>"),
        ("the password's Autumn2030! for now", "the password's <SECRET> for now"),
        ("password for the build server: Build#4410", "password for the build server: <SECRET>"),
        ("the password for the lab printer is prt_Lab2031", "the password for the lab printer is <SECRET>"),
        # Prose and terms after the noun stay.
        ("password reset link mailed; password AES-256 encrypted; pass SHA-256 checks", None),
        ("passcode 6 digits; password 3 times wrong; pass 3.5 to it; pw v2.3.4 notes", None),
        ("the pass is valid until Sunday; the pass is 12 dollars; the pass is 3-day", None),
        ("pw: unknown; password for the guest network: see the card", None),
        ("forgot password https://acme.example/reset?u=42 and pw PR#412 with password Q3_Report.xlsx", None),
    ],
)
def test_a_password_handed_over_right_after_its_noun(text: str, redacted: str | None) -> None:
    assert redact(text).text == (text if redacted is None else redacted)


def test_a_key_said_in_a_sentence_goes_and_words_about_keys_stay() -> None:
    assert redact("fyi the api key is 7c1e5a9d3b2f4e6a8c0d1b3f5a7e9c2d").text == "fyi the api key is <SECRET>"
    assert redact("access token: Zq81mPx0Lw5tKv3nRb7y, expires soon").text == "access token: <SECRET>, expires soon"
    for kept in (
        "the api key is in the vault; the token is valid for 3600 seconds",
        "the secret key is rotated every 90 days; token: 4096",
        "the access token was config.api_token_v2 in the old code",
    ):
        assert redact(kept).text == kept


def test_private_key_blocks_go_whole_even_cut_short() -> None:
    key = "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA7+Zq/5\nQv9+lL0=\n-----END RSA PRIVATE KEY-----"

    assert redact(f"my key:\n{key}\nthanks").text == "my key:\n<SECRET>\nthanks"
    assert redact("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXk\n(pasted half)").text == "<SECRET>"


def test_line_by_line_redaction_follows_a_key_block_across_lines() -> None:
    lines = [
        "mail a@example.com",
        "-----BEGIN PRIVATE KEY-----",
        "MIIEvQIBADAN+/4",
        "Kj9=",
        "-----END PRIVATE KEY----- call 415-555-0123",
        "2026-11-29",
    ]

    results = list(redact_lines(lines))

    assert [r.text for r in results] == [
        "mail <EMAIL>",
        "<SECRET>",
        "<SECRET>",
        "<SECRET>",
        "<SECRET> call <PHONE>",
        "2026-11-29",
    ]
    assert [r.counts for r in results] == [{"EMAIL": 1}, {"SECRET": 1}, {}, {}, {"PHONE": 1}, {}]


def test_line_by_line_redaction_reads_each_line_after_the_one_before() -> None:
    lines = ["Thanks!", "Amira", "Kind regards,", "Kwame Mensah, call 415-555-0123", "", "Amira"]
    assert [r.text for r in redact_lines(["Please update the order", "12 Baker Street, London"], "patterns+ner")] == [
        "Please update the order",
        "<ADDRESS>",
    ]

    results = list(redact_lines(lines, "patterns+ner"))

    # A cue on one line names the next; a line alone after a blank one has no cue ("Amira" stays). The line before
    # only adds: "order" ending it makes no house number of the next line's "12".
    assert [r.text for r in results] == ["Thanks!", "<PERSON>", "Kind regards,", "<PERSON>, call <PHONE>", "", "Amira"]
    assert [r.counts for r in results] == [{}, {"PERSON": 1}, {}, {"PERSON": 1, "PHONE": 1}, {}, {}]


def test_redact_rejects_what_is_not_text() -> None:
    with pytest.raises(ValueError, match="field 'text' must be a str"):
        redact(b"bytes")  # type: ignore[arg-type]


def test_pseudonyms_are_stable_per_key_and_differ_across_keys_and_values() -> None:
    pseudonym = pseudonymize("user-42", b"key-one")

    assert re.fullmatch(r"p_[0-9a-f]{20}", pseudonym)
    assert pseudonymize("user-42", b"key-one") == pseudonym
    assert pseudonymize("user-42", b"key-two") != pseudonym
    assert pseudonymize("user-43", b"key-one") != pseudonym
    assert len({pseudonymize(f"user-{n}", b"key-one") for n in range(10_000)}) == 10_000


@pytest.mark.parametrize("key", [b"", "text", None])
def test_pseudonym_key_must_be_non_empty_bytes(key) -> None:
    with pytest.raises(ValueError, match="field 'key'"):
        pseudonymize("user-42", key)


def test_the_corpus_is_seeded_and_its_identifiers_are_really_planted() -> None:
    corpus = generate_corpus(300, seed=3)

    assert corpus == generate_corpus(300, seed=3)
    assert corpus != generate_corpus(300, seed=4)
    for sentence in corpus:
        for identifier in sentence.planted:
            assert identifier.kind in REDACTION_TYPES
            assert identifier.value in sentence.text and all(part in sentence.text for part in identifier.fragments)


# Rule- and model-found types: targets of issue 14; the shape types keep the 99% they had.
_LOOSER_TARGETS = {"PERSON": 0.95, "ADDRESS": 0.95, "PASSPORT": 0.95}
# Clean sentences altered: issue 14's target. Measured 0.0% on seed 0 (0.1-0.3% on seeds 1-3) since the model
# vetoes companies named after people ("Morgan Stanley"); 3.0-3.4% before; with the PII model (fourth round) 0.0% on
# seed 0 and 0.2-0.6% on seeds 1-3.
CLEAN_ALTERED_LIMIT = 0.02


def test_seeded_corpus_meets_the_recall_and_clean_alteration_targets() -> None:
    figures = measure_redaction(generate_corpus(3000, seed=0))

    assert figures["sentences"] == 3000 and figures["clean_sentences"] >= 900
    for kind, row in figures["per_type"].items():
        assert row["planted"] >= 180, kind
        assert row["recall"] >= _LOOSER_TARGETS.get(kind, 0.99), (kind, row, figures["misses"])
    assert figures["clean_altered_rate"] <= CLEAN_ALTERED_LIMIT, figures["altered_clean_examples"]
    assert len({name.split("/")[1] for name in figures["per_format"] if name.startswith("PHONE/")}) >= 40
    assert len({name.split("/")[1] for name in figures["per_format"] if name.startswith("NATIONAL_ID/")}) == 8
    assert len({name.split("/")[1] for name in figures["per_format"] if name.startswith("PERSON/")}) >= 20


def test_a_letter_that_only_matches_case_blind_ends_no_iban() -> None:
    # Found by the prescan property test of test_redactor.py: "İ" (U+0130) matched the case-blind [A-Z] of an IBAN
    # candidate ("il41 ...") and broke its mod-97 check with a ValueError.
    assert redact("nato il4111 1111 1111 1111İuser:pw@").counts.get("IBAN") is None


@pytest.mark.parametrize(
    "sentence",
    ["Item no. 07-2231-564 is back in stock.", "Replace part nr. 3 604 812 997 first.", "Model No. 415-555-0188-B"],
)
def test_a_number_named_by_no_or_nr_is_no_phone(sentence: str) -> None:
    # The full stop of "no." or "nr." does not end the sentence that names the number.
    for tier in ("patterns", "patterns+ner"):
        assert redact(sentence, tier).text == sentence
