"""Intake: uploaded files and pasted text into clean article text, with errors written for editors."""
import codecs
from datetime import date, datetime

import pytest

from incidents.extraction.intake import (
    MAX_BYTES,
    IntakeError,
    decode_upload,
    detect_language,
    html_to_text,
    markdown_to_text,
    normalize_text,
    parse_published,
    text_from_paste,
    text_from_upload,
)

ARABIC = (
    "ذكر مصدر أمني في كردستان العراق أن الدفاعات الجوية تمكنت من إسقاط أربع طائرات مسيرة أمس شمال أربيل "
    "قبل دخولها منطقة المطار والقاعدة الأميركية، وأكد أن الهجوم لم يسفر عن إصابات.\n"
    "وأعلنت «المقاومة الإسلامية في العراق» مسؤوليتها عن الهجوم في بيان نشرته على تلغرام."
)
ENGLISH = (
    "BAGHDAD (Reuters) - Rockets struck near the U.S. embassy in Baghdad early on Friday, two security "
    "sources said, the first attack of its kind on the compound in more than a year."
)
TODAY = date(2024, 2, 10)


def error_of(function, *args):
    with pytest.raises(IntakeError) as raised:
        function(*args)
    return str(raised.value)


# --- decode_upload: refusals ---------------------------------------------------------------------


@pytest.mark.parametrize("data", [b"", b"   \n\t \r\n  "])
def test_an_empty_or_blank_file_is_refused(data):
    assert error_of(decode_upload, data, "article.txt") == "The file is empty."


def test_a_file_with_only_a_byte_order_mark_and_spaces_is_empty():
    assert error_of(decode_upload, codecs.BOM_UTF8 + b"  \n", "article.txt") == "The file is empty."


def test_a_file_over_two_megabytes_is_refused_and_the_message_gives_the_limit():
    assert MAX_BYTES == 512 * 1024
    message = error_of(decode_upload, b"a" * (MAX_BYTES + 1), "article.txt")
    assert message == "The file is larger than the 512 kB limit; upload the article text alone."


def test_a_file_of_exactly_two_megabytes_is_accepted():
    assert len(decode_upload(b"word " * (MAX_BYTES // 5) + b"a" * (MAX_BYTES % 5), "article.txt")) == MAX_BYTES


def test_a_pdf_is_refused_by_its_header_whatever_its_name():
    data = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
    expected = "This file looks like a PDF document, not text. Save the article as .txt, .html or .md and upload that."
    assert error_of(decode_upload, data, "article.pdf") == expected
    assert error_of(decode_upload, data, "article.txt") == expected


def test_a_png_is_refused_by_its_header():
    data = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"
    assert error_of(decode_upload, data, "screenshot.txt") == (
        "This file looks like a PNG image, not text. Save the article as .txt, .html or .md and upload that."
    )


def test_a_word_document_is_called_a_zip_archive_or_word_file():
    message = error_of(decode_upload, b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "article.docx")
    assert message.startswith("This file looks like a zip archive (or a Word/OpenDocument file, which is one)")


def test_a_file_with_nul_bytes_is_binary():
    assert error_of(decode_upload, b"Rockets hit\x00\x00 the base", "article.txt") == (
        "This file contains binary data, not text. Upload the article as .txt, .html or .md."
    )


def test_a_file_full_of_control_characters_is_binary():
    data = bytes(range(1, 9)) * 20 + ENGLISH.encode()
    assert error_of(decode_upload, data, "article.txt").startswith("This file contains binary data")


def test_a_stray_control_character_in_a_long_article_is_tolerated_and_removed_later():
    text = decode_upload(ENGLISH.encode() + b"\x07" + ENGLISH.encode(), "article.txt")
    assert "\x07" not in normalize_text(text)


@pytest.mark.parametrize(
    ("filename", "message"),
    [
        ("article.rtf.exe", "“.exe” files cannot be imported; upload a .txt, .html or .md file."),
        ("article.csv", "“.csv” files cannot be imported; upload a .txt, .html or .md file."),
        ("article", "Files without an extension cannot be imported; upload a .txt, .html or .md file."),
    ],
)
def test_other_extensions_are_refused(filename, message):
    assert error_of(decode_upload, ENGLISH.encode(), filename) == message


@pytest.mark.parametrize("filename", ["a.txt", "a.TXT", "a.html", "a.htm", "a.md", "dir/ملف.Html"])
def test_the_accepted_extensions_in_any_case(filename):
    assert decode_upload(ENGLISH.encode(), filename) == ENGLISH


def test_latin1_text_is_refused_as_neither_utf8_nor_windows_1256():
    data = "Le drone a été abattu près de la base, a déclaré un responsable à l'AFP.".encode("latin-1")
    assert error_of(decode_upload, data, "article.txt") == (
        "The file is not UTF-8 or Windows-1256 text; save it as UTF-8 and try again."
    )


def test_random_high_bytes_are_refused_as_not_text():
    data = bytes(range(0x80, 0x100)) * 4
    assert error_of(decode_upload, data, "article.txt").startswith("The file is not UTF-8 or Windows-1256 text")


# --- decode_upload: encodings accepted -------------------------------------------------------------


def test_utf8_is_decoded():
    assert decode_upload(ARABIC.encode("utf-8"), "article.txt") == ARABIC


def test_the_utf8_byte_order_mark_is_stripped():
    assert decode_upload(codecs.BOM_UTF8 + ARABIC.encode("utf-8"), "article.txt") == ARABIC


def test_a_file_of_windows_1256_marks_without_letters_is_refused_as_not_text():
    # 0x9D is a zero-width non-joiner in Windows-1256: no letter to tell the language by (found by hypothesis)
    assert error_of(decode_upload, b"\x9d", "article.txt") == (
        "The file is not UTF-8 or Windows-1256 text; save it as UTF-8 and try again."
    )


def test_windows_1256_arabic_is_decoded():
    data = ARABIC.encode("cp1256")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert decode_upload(data, "article.txt") == ARABIC


def test_windows_1256_arabic_html_with_english_markup_is_decoded():
    page = f'<html><head><meta charset="windows-1256"></head><body><p>{ARABIC}</p></body></html>'
    assert ARABIC in decode_upload(page.encode("cp1256"), "article.html")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_a_byte_order_mark_is_decoded(encoding):
    bom = {"utf-16": b"", "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}[encoding]
    assert decode_upload(bom + ARABIC.encode(encoding), "article.txt") == ARABIC


def test_utf16_without_a_byte_order_mark_is_binary():
    message = error_of(decode_upload, ENGLISH.encode("utf-16-le"), "article.txt")
    assert message.startswith("This file contains binary data")


def test_a_hostile_string_in_a_text_file_stays_literal_text():
    text = text_from_upload(b"Rockets hit the base. <script>alert(1)</script>", "article.txt")
    assert text == "Rockets hit the base. <script>alert(1)</script>"


# --- html_to_text ------------------------------------------------------------------------------------

ARTICLE_PARAGRAPHS = [
    "ERBIL, Iraq (AP) — A drone targeted Harir air base in Erbil province late Thursday, the Kurdistan "
    "Region’s Counter-Terrorism Department said.",
    "The attack caused no casualties or damage, the department said in a statement.",
    "The Islamic Resistance in Iraq claimed the attack in a statement on Telegram.",
]
PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Drone targets Harir base | News</title>
<style>body { color: red }</style><script>window.dataLayer = [];</script></head>
<body class="layout with-sidebar">
<a class="skip" href="#main">Skip to content</a>
<header class="site-header"><div class="logo"><a href="/">The Daily Wire Service</a></div>
  <nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/iraq">Iraq</a></li>
    <li><a href="/syria">Syria</a></li></ul></nav>
</header>
<div id="cookie-consent">We use cookies to improve your experience. <button>Accept</button></div>
<ol class="breadcrumb"><li>Home</li><li>Middle East</li></ol>
<main id="main">
<article class="story has-comments">
  <h1 class="headline">Drone targets Harir air base in Iraq&#39;s Kurdistan Region</h1>
  <div class="byline">By Staff Writer · 27 October 2023</div>
  <div class="share-bar"><a>Share</a><a>Tweet</a><a>WhatsApp</a></div>
  <figure><img src="harir.jpg" alt="Harir"><figcaption>A file photo of Harir air base.</figcaption></figure>
  <div class="story-body">
    <p>ERBIL, Iraq (AP) &mdash; A drone targeted Harir air base in Erbil province late Thursday, the Kurdistan
       Region&rsquo;s Counter-Terrorism Department said.</p>
    <div class="ad-slot"><span>Advertisement</span></div>
    <p>The attack caused no casualties or damage, the department said in a statement.<script>alert(1)</script></p>
    <p class="caption">Photo: Kurdistan Region Counter-Terrorism Department</p>
    <p>Read more: Rockets hit Ain al-Asad</p>
    <p>The Islamic Resistance in Iraq claimed the attack in a statement on Telegram.<img src=x
       onerror="alert(2)"></p>
  </div>
  <div class="tags">Tags: Iraq, Erbil, drones</div>
  <section id="comments"><h3>Comments</h3>
    <p>First! This comment is long enough to look like a paragraph of text.</p></section>
</article>
<aside class="related-stories"><h2>Related</h2><ul><li><a>US strikes Kata'ib Hezbollah</a></li></ul></aside>
<div class="newsletter-signup"><p>Get the Middle East briefing in your inbox every morning. Subscribe now.</p></div>
</main>
<footer><p>© 2023 The Daily Wire Service. All rights reserved.</p><p>Follow us on X</p></footer>
</body></html>"""


def test_html_keeps_the_headline_and_every_article_paragraph_as_lines():
    text = html_to_text(PAGE)
    assert text.split("\n") == ["Drone targets Harir air base in Iraq's Kurdistan Region", *ARTICLE_PARAGRAPHS]


@pytest.mark.parametrize(
    "chrome",
    [
        "Skip to content", "The Daily Wire Service", "Home", "Syria", "cookies", "Accept", "Middle East",
        "By Staff Writer", "Share", "Tweet", "file photo", "Advertisement", "Photo:", "Read more", "Tags",
        "First!", "Related", "Kata'ib Hezbollah", "Subscribe", "©", "Follow us", "dataLayer", "color: red",
        "alert", "<script", "<img", "Harir | News",
    ],
)
def test_html_page_chrome_and_hostile_markup_are_gone(chrome):
    assert chrome not in html_to_text(PAGE)


def test_html_without_an_article_element_uses_the_element_with_most_paragraph_text():
    page = f"""<body><div class="menu"><p>Home</p><p>Politics</p></div>
    <h1>Rockets hit near the US embassy</h1>
    <div class="content"><p>{ENGLISH}</p><p>No one was hurt, a US official said on condition of anonymity.</p></div>
    <div class="footer"><p>Contact us at the newsroom any time of the day.</p></div></body>"""
    assert html_to_text(page).split("\n") == [
        "Rockets hit near the US embassy",
        ENGLISH,
        "No one was hurt, a US official said on condition of anonymity.",
    ]


def test_html_headline_in_a_dropped_header_is_kept_but_not_the_site_name():
    page = f"""<body><header><h1 class="site-title">Rudaw</h1></header>
    <article><header class="entry-header"><h1>Drones downed near Erbil airport</h1></header>
    <p>{ENGLISH}</p></article></body>"""
    assert html_to_text(page).split("\n") == ["Drones downed near Erbil airport", ENGLISH]


def test_html_arabic_chrome_lines_are_dropped_and_entities_unescaped():
    page = """<article><h1>إسقاط مسيّرة قرب مطار أربيل</h1>
    <p>شارك</p><p>اقرأ أيضاً: غارات أميركية على جرف الصخر</p>
    <p>أعلن جهاز مكافحة الإرهاب في إقليم كوردستان إسقاط طائرة مسيرة قرب مطار أربيل&nbsp;الدولي.</p>
    <p>تابعونا على تلغرام</p><p>إعلان</p><p>جميع الحقوق محفوظة لشبكة رووداو الإعلامية 2023</p></article>"""
    assert html_to_text(page).split("\n") == [
        "إسقاط مسيّرة قرب مطار أربيل",
        "أعلن جهاز مكافحة الإرهاب في إقليم كوردستان إسقاط طائرة مسيرة قرب مطار أربيل الدولي.",
    ]


def test_html_collapses_whitespace_and_breaks_lines_at_br():
    assert html_to_text("<p>One\n   two&nbsp;&nbsp;three<br>four</p>") == "One two three\nfour"


def test_html_hidden_elements_are_dropped():
    page = f'<article><p>{ENGLISH}</p><p hidden>secret</p><p style="display: none">gone</p></article>'
    assert html_to_text(page) == ENGLISH


def test_a_wrapper_whose_class_mentions_chrome_is_kept_when_it_holds_the_article():
    page = f'<div class="page-header-and-body"><p>{ENGLISH}</p></div><div class="header">Site</div>'
    assert html_to_text(page) == ENGLISH


def test_html_unclosed_paragraphs_and_list_items_close_as_in_browsers():
    assert html_to_text("<p>one<p>two<ul><li>three<li>four</ul><p>five<div>six</div>seven</p>") == (
        "one\ntwo\nthree\nfour\nfive\nsix\nseven"
    )


def test_html_hostile_nesting_does_not_exhaust_recursion():
    assert html_to_text("<div>" * 5_000 + "deep text") == "deep text"
    assert html_to_text("<span><b>" * 3_000 + "x") == "x"


def test_html_upload_is_reduced_to_text():
    assert text_from_upload(PAGE.encode(), "story.html").split("\n")[1:] == ARTICLE_PARAGRAPHS


# --- markdown ----------------------------------------------------------------------------------------


def test_markdown_markup_is_stripped_and_images_dropped():
    markdown = """---
title: front matter
---
# Rockets hit *Ain al-Asad*

![A photo](https://example.com/photo.jpg)

**BAGHDAD** — Rockets struck [Ain al-Asad air base](https://example.com/asad) on Saturday,
a US official said.

> The attack was claimed by the _Islamic Resistance in Iraq_.

* one drone was shot down
1. `no casualties`

[ref]: https://example.com
"""
    assert markdown_to_text(markdown).split("\n") == [
        "Rockets hit Ain al-Asad",
        "BAGHDAD — Rockets struck Ain al-Asad air base on Saturday, a US official said.",
        "The attack was claimed by the Islamic Resistance in Iraq.",
        "one drone was shot down",
        "no casualties",
    ]


def test_markdown_keeps_underscores_inside_words_and_drops_raw_script():
    assert markdown_to_text("MSS_Conoco was hit <script>alert(1)</script> again") == "MSS_Conoco was hit again"


def test_markdown_upload_is_reduced_to_text():
    assert text_from_upload("## عنوان\n\nنص **الخبر**".encode(), "a.md") == "عنوان\nنص الخبر"


# --- normalize_text ------------------------------------------------------------------------------------


def test_normalize_unifies_newlines_trims_spaces_and_collapses_blank_lines():
    text = "  first line  \r\nsecond\tline\u00a0 \rthird\u2028fourth\n\n\n\n\nfifth\n\n"
    assert normalize_text(text) == "first line\nsecond line\nthird\nfourth\n\nfifth"


def test_normalize_composes_to_nfc():
    assert normalize_text("Qa\u0301im") == "Qáim"


def test_normalize_removes_zero_width_and_bidi_controls_that_can_hide_text():
    hidden = "عين\u200b الأسد \u202eدسألا\u202c \u2066x\u2069 so\u00adft \u200djoin \ufeffbom \u061cmark \U000e0041tag"
    assert normalize_text(hidden) == "عين الأسد دسألا x soft join bom mark tag"


def test_normalize_keeps_zwnj_inside_a_word_only():
    assert normalize_text("می\u200cخواهد \u200cx y\u200c") == "می\u200cخواهد x y"


def test_normalize_refuses_text_that_is_empty_afterwards():
    assert error_of(normalize_text, " \u200b\n\u202e \t\n") == "The article text is empty."


def test_pasted_text_is_normalized_and_limited_to_two_megabytes():
    assert text_from_paste("  Rockets hit.\r\n") == "Rockets hit."
    assert error_of(text_from_paste, "") == "The article text is empty."
    assert error_of(text_from_paste, "a" * (MAX_BYTES + 1)) == (
        "The text is larger than the 512 kB limit; paste the article text alone."
    )


# --- detect_language -------------------------------------------------------------------------------------


def test_arabic_and_english_are_detected():
    assert detect_language(ARABIC) == "ar"
    assert detect_language(ENGLISH) == "en"


def test_arabic_with_latin_acronyms_and_digits_is_arabic():
    assert detect_language("أعلنت CENTCOM أن طائرة MQ-9 نفذت 3 ضربات قرب القائم يوم 23 كانون الثاني") == "ar"


def test_text_without_letters_has_no_language():
    assert error_of(detect_language, "2023-12-08 — 5, 80 / 3 %") == (
        "The article text has no words, only numbers or punctuation."
    )


@pytest.mark.parametrize(
    "text",
    [
        "Беспилотник атаковал базу в Ираке, сообщили военные источники в пятницу вечером.",
        "Le drone a été abattu près de la base d'Erbil, a déclaré un responsable de la sécurité kurde. "
        "Selon les autorités locales, aucune victime n'est à déplorer et les dégâts restent limités. "
        "Les frappes se poursuivent dans la région depuis plusieurs semaines, selon des sources locales.",
    ],
)
def test_another_language_is_refused(text):
    assert error_of(detect_language, text) == (
        "The article is neither Arabic nor English; Marsad imports articles in those two languages."
    )


def test_kurdish_in_arabic_script_is_refused():
    kurdish = "هێرشی درۆن بۆ سەر بنکەی حەریر لە پارێزگای هەولێر کرا و هیچ زیانێکی گیانی لێنەکەوتەوە"
    assert error_of(detect_language, kurdish).startswith("The article looks like Kurdish")


# --- parse_published --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023-12-09", date(2023, 12, 9)),
        (" 2023-12-09 ", date(2023, 12, 9)),
        ("09/12/2023", date(2023, 12, 9)),  # day first, as in Iraq and the UK
        ("9/12/2023", date(2023, 12, 9)),
        ("9.12.2023", date(2023, 12, 9)),
        ("9 December 2023", date(2023, 12, 9)),
        ("Dec. 9, 2023", date(2023, 12, 9)),
        ("Saturday, 9 December 2023", date(2023, 12, 9)),
        ("9 ديسمبر 2023", date(2023, 12, 9)),
        ("٩ ديسمبر ٢٠٢٣", date(2023, 12, 9)),
        ("9 كانون الأول 2023", date(2023, 12, 9)),
        ("السبت 20 كانون الثاني 2024", date(2024, 1, 20)),
        ("2024-02-10", TODAY),
        (date(2023, 12, 9), date(2023, 12, 9)),
        (datetime(2023, 12, 9, 23, 30), date(2023, 12, 9)),
    ],
)
def test_publication_dates_accepted(value, expected):
    assert parse_published(value, TODAY) == expected


@pytest.mark.parametrize("value", [None, "", "   "])
def test_a_missing_publication_date_is_refused(value):
    assert error_of(parse_published, value, TODAY) == (
        "Give the publication date: relative dates such as 'yesterday' depend on it."
    )


@pytest.mark.parametrize("value", ["yesterday", "أمس", "December 2023", "9 Dec", "2023-13-01", "31/02/2024", "soon"])
def test_an_unparseable_publication_date_is_refused(value):
    assert error_of(parse_published, value, TODAY) == f"“{value}” is not a date; use YYYY-MM-DD."


@pytest.mark.parametrize("value", ["2024-02-11", date(2024, 2, 11), "11/02/2024"])
def test_a_future_publication_date_is_refused(value):
    assert error_of(parse_published, value, TODAY) == "The publication date 2024-02-11 is in the future."


@pytest.mark.parametrize("page", ["<p>The news.</p><![<p>More news.</p>", "<p>The news.</p><![ 1 ]><p>More news.</p>"])
def test_a_marked_section_without_a_name_is_read_as_text(page):
    # HTMLParser raised AssertionError ("expected name token") on these: a 500 on the import page
    assert html_to_text(page).splitlines()[0] == "The news."
