"""Sensitive-content detection: the items the IRO must confirm before a letter is saved."""

from iro_desktop.letters.sensitive import (
    TOPICS,
    find_sensitive,
    load_sensitive_words,
    sensitive_topics,
    welsh_mutations,
)


def topics(text):
    return set(sensitive_topics(text))


def test_each_topic_is_found_in_english():
    items = [
        ("worry:1", "People have been taking advantage of you and the police are helping."),
        ("worry:2", "You went missing from home twice in May."),
        ("decision:1", "Your worker will talk with you about drugs and alcohol."),
        ("going_well:1", "You have not self-harmed since the summer."),
        ("worry:3", "Someone hurt you in a sexual way."),
        ("decision:2", "The court will decide in March."),
        ("going_well:2", "You love swimming and your new school."),
    ]
    found = find_sensitive(items)
    assert [f.key for f in found] == [
        "worry:1",
        "worry:2",
        "decision:1",
        "going_well:1",
        "worry:3",
        "decision:2",
    ]
    assert found[0].topics == ("exploitation", "police")
    assert found[0].labels() == ("exploitation", "police")
    assert found[1].found == ("went missing", "missing from home")
    assert found[2].topics == ("drugs_alcohol",)
    assert found[3].topics == ("self_harm",)
    assert found[4].topics == ("sexual_harm",)
    assert found[5].topics == ("court",) and found[5].text.startswith("The court")


def test_every_topic_has_words_in_english_and_welsh():
    words = [w for w in load_sensitive_words() if not w.ignore]
    for topic in TOPICS:
        for language in ("en", "cy"):
            assert any(w.topic == topic and w.language == language for w in words), (
                topic,
                language,
            )


def test_whole_words_only_and_no_false_alarm_for_everyday_words():
    # Decided: "missing" alone is everyday ("a missing tooth", "missing Mum"); going missing
    # is named ("went missing", "missing from home"). "court" is a whole word; a sports
    # court is listed to ignore. "officer" alone is the IRO, not the police.
    for text in (
        "We met in the courtyard.",
        "You have a missing tooth!",
        "You are missing Mum a lot.",
        "You play on the tennis court on Fridays.",
        "I am your Independent Reviewing Officer.",
        "Mae fy ffôn ar goll.",
        "You were very courteous.",
    ):
        assert topics(text) == set(), text
    assert topics("You play on the tennis court, and the court said no.") == {"court"}


def test_stems_find_other_forms():
    assert topics("You were exploited.") == {"exploitation"}
    assert topics("The police arrested him.") == {"police"}
    assert topics("Self-harming has stopped.") == {"self_harm"}


def test_welsh_words_are_found_in_their_mutated_forms():
    assert {"cyffuriau", "gyffuriau", "nghyffuriau", "chyffuriau"} <= welsh_mutations("cyffuriau")
    assert "lys" in welsh_mutations("llys")
    assert topics("Bydd y llys yn penderfynu ym mis Mawrth.") == {"court"}
    assert topics("Aethon ni i lys y teulu.") == {"court"}
    assert topics("Dwyt ti ddim yn cymryd gyffuriau bellach.") == {"drugs_alcohol"}
    assert topics("Aeth hi ar goll o'r cartref ddwywaith.") == {"missing"}
    assert topics("Mae'r heddlu yn helpu.") == {"police"}
    assert topics("Rwyt ti wedi stopio hunan-niweidio.") == {"self_harm"}
    assert topics("Mae pobl yn cymryd mantais ohonot ti.") == {"exploitation"}


def test_a_council_can_add_words(tmp_path):
    extra = tmp_path / "words.csv"
    extra.write_text("topic,language,phrase,kind,notes\npolice,en,PCSO,flag,\n", encoding="utf-8")
    words = load_sensitive_words(extra)
    assert [f.key for f in find_sensitive([("a", "A PCSO came.")], words)] == ["a"]
    assert find_sensitive([("a", "The police came.")], words) == []
