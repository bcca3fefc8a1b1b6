"""Which language is a sentence in: English, Welsh, or unsure (issue 13, Welsh letters).

A Welsh letter must carry no English sentence, and the English half of a bilingual letter no
Welsh. Debian ships no Welsh spelling dictionary, so the check counts function words (the
short words every sentence needs: "the", "and", "you" against "y", "yn", "mae", "ti") and a few
spelling signs (Welsh "dd", "ll", "ŵ", the clitics "'n" and "'r"; English "-ing", "-tion",
"n't"). Names, dates, places and one-word cells give no evidence, and the answer is then
"unsure": the check never reports a sentence it cannot judge. Words common to both languages
("a", "i", "am", "at", "hi", "can", "well", "help") and Welsh words that are also English
names ("Beth", "Pam") count for neither. "Mum" is English (Welsh children say "Mam").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from iro_desktop.letters.plain_language import sentences

ENGLISH = "en"
WELSH = "cy"
UNSURE = "unsure"


def _word_list(text: str) -> frozenset[str]:
    return frozenset(text.split())


ENGLISH_WORDS = _word_list(
    """
    the and of to in is are was were be been being will would could should shall may
    might must you your yours we our us he she it its they them their this that these those
    with for on by from have has had do does did not no but or if when what who where why how
    there here about all some any my me him her his an as so than then into out up down over
    after before because also very too just still more most much many each every told said
    says going like want wants see know say tell talk agreed agree next time
    people things thing good worried worry school home live lives together
    mum mummy grandma grandad granny nanny
    """
)

WELSH_WORDS = _word_list(
    """
    y yr yn ac ar o gan gyda efo mae roedd oedd bydd fydd byddi fyddi byddwn fyddwn byddan
    fyddan wedi ddim dim ti di chi fi ni nhw fe fo dy fy ein eich eu ei sy sydd pwy pryd
    ble sut hyn hon hwn hynny yma yna na nad fod bod neu ond os achos oherwydd rwyt rydw
    rydych rydyn dw rwy wyt ydy yw ydw ydych ydyn maen dyma dyna hefyd iawn mewn drwy trwy
    wrth heb rhwng erbyn ynglŷn ynghylch amdanat amdanon ohonot gennyt gen arnat atat ata
    wrtha wrthon ddywedodd dywedodd ddywedaist dywedaist gwnaeth wnaeth gallu allu gall
    gelli galla dylai dylet hoffi hoffwn eisiau isio rhaid gyda'r i'r o'r a'r sy'n mae'n
    mae'r dyma'r dyna'r nid nage ie cafodd gafodd daeth ddaeth daethost ddaethost
    gofalu amdanat pobl pethau pethau'n gwneud wneud dweud ddweud siarad nawr rŵan
    adolygiad cynllun llythyr ysgol cartref teulu
    """
)

# Welsh clitics after an apostrophe (sy'n, i'r, a'i, i'w) and English contractions.
_WELSH_CLITICS = ("'n", "'r", "'i", "'w", "'m", "'th", "'ch")
_ENGLISH_CLITICS = ("n't", "'s", "'re", "'ve", "'ll", "'m", "'d")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_WELSH_SPELLING = re.compile(r"dd|ll|[ŵŷâêîôû]|^(?:rh|ngh|mh|nh|ff)|wy")
_ENGLISH_SPELLING = re.compile(r"ing$|tion$|ck|qu|x|sh|ee|oo|ou")


def language_scores(sentence: str) -> tuple[float, float]:
    """(English, Welsh) evidence in one sentence: a function word counts 1, a spelling sign
    0.5. Words in both lists count for neither."""
    english = welsh = 0.0
    for raw in _WORD.findall(sentence.replace("’", "'")):
        word = raw.lower()
        if word in ENGLISH_WORDS:
            english += 1
            continue
        if word in WELSH_WORDS:
            welsh += 1
            continue
        if word.endswith(_ENGLISH_CLITICS):
            english += 1
            continue
        if word.endswith(_WELSH_CLITICS) or word.split("'")[0] in WELSH_WORDS:
            welsh += 1
            continue
        if raw[:1].isupper():
            continue  # a name or a place tells nothing
        if _WELSH_SPELLING.search(word):
            welsh += 0.5
        if _ENGLISH_SPELLING.search(word):
            english += 0.5
    return english, welsh


def sentence_language(sentence: str) -> str:
    """The language of one sentence: "en", "cy" or "unsure". A language wins with one
    whole word of evidence and none for the other ("your carer, Eirlys" is English), or
    with 1.5 points and twice the other's."""
    english, welsh = language_scores(sentence)
    if (english >= 1 and welsh == 0) or (english >= 1.5 and english >= 2 * welsh):
        return ENGLISH
    if (welsh >= 1 and english == 0) or (welsh >= 1.5 and welsh >= 2 * english):
        return WELSH
    return UNSURE


def foreign_sentences(texts: Iterable[str], letter_language: str) -> list[str]:
    """The sentences of ``texts`` that are plainly in the other language: the English
    sentences in a Welsh letter ("cy"), the Welsh ones in an English letter ("en"). A
    bilingual letter is checked half by half, each with its own language."""
    if letter_language not in (ENGLISH, WELSH):
        raise ValueError(f"check each half of a bilingual letter on its own: {letter_language!r}")
    other = WELSH if letter_language == ENGLISH else ENGLISH
    return [
        sentence
        for text in texts
        if text
        for sentence in sentences(text)
        if sentence_language(sentence) == other
    ]
