"""Guessing passwords at the admin sign-in: repeated failures lock out the username and the address (django-axes)."""
import base64
import re
import unicodedata
from datetime import timedelta

import pytest
from axes.models import AccessAttempt, AccessLog
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.test import Client, override_settings
from django.urls import reverse
from hypothesis import given, settings as hypothesis_settings, strategies as st
from hypothesis.extra.django import TestCase as HypothesisTestCase

from ..factories import UserFactory

PASSWORD = "correct horse battery staple"
LOCKED_OUT = "Too many failed sign-in attempts: signing in is paused for 15 minutes. Try again later."
LOCKED_OUT_AR = "محاولات تسجيل دخول فاشلة كثيرة: أُوقف تسجيل الدخول 15 دقيقة. حاول مرة أخرى لاحقًا."
LIMIT = settings.AXES_FAILURE_LIMIT


def sign_in(client, username, password, address="203.0.113.7", **headers):
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
        **headers,
    )


def signed_in(client):
    return "_auth_user_id" in client.session


def fail(client, username, times, address="203.0.113.7"):
    for _ in range(times):
        response = sign_in(client, username, "wrong password", address)
    return response


@pytest.fixture
def editor(db):
    return UserFactory(username="chief-editor")


def test_defaults_are_five_failures_and_fifteen_minutes():
    assert (settings.AXES_FAILURE_LIMIT, settings.AXES_COOLOFF_TIME) == (5, timedelta(minutes=15))


def test_a_few_wrong_passwords_then_the_right_one_signs_in(client, editor):
    assert fail(client, "chief-editor", LIMIT - 1).status_code == 200
    response = sign_in(client, "chief-editor", PASSWORD)
    assert response.status_code == 302 and signed_in(client)


def test_wrong_passwords_then_the_right_one_is_refused(client, editor):
    locking = fail(client, "chief-editor", LIMIT)
    assert locking.status_code == 429
    response = sign_in(client, "chief-editor", PASSWORD)
    assert response.status_code == 429
    assert LOCKED_OUT in response.content.decode()
    assert not signed_in(client)


def test_a_locked_out_username_is_refused_from_any_address(client, editor):
    for number in range(LIMIT):
        fail(client, "chief-editor", 1, address=f"198.51.100.{number}")
    response = sign_in(Client(), "chief-editor", PASSWORD, address="192.0.2.50")
    assert response.status_code == 429


def test_an_address_trying_many_usernames_is_locked_out(client, editor):
    for number in range(LIMIT):
        fail(client, f"guess{number}", 1)
    assert sign_in(client, "chief-editor", PASSWORD).status_code == 429
    other = Client()
    assert sign_in(other, "chief-editor", PASSWORD, address="192.0.2.50").status_code == 302
    assert signed_in(other)


def test_signing_in_works_again_after_the_cool_off(client, editor):
    fail(client, "chief-editor", LIMIT)
    assert sign_in(client, "chief-editor", PASSWORD).status_code == 429
    # As if the cool-off had passed since the last failure.
    AccessAttempt.objects.update(attempt_time=AccessAttempt.objects.get().attempt_time - settings.AXES_COOLOFF_TIME)
    response = sign_in(client, "chief-editor", PASSWORD)
    assert response.status_code == 302 and signed_in(client)


def test_a_successful_sign_in_forgets_the_failures(client, editor):
    fail(client, "chief-editor", LIMIT - 1)
    assert sign_in(client, "chief-editor", PASSWORD).status_code == 302
    client.logout()
    fail(client, "chief-editor", LIMIT - 1)
    assert sign_in(client, "chief-editor", PASSWORD).status_code == 302


def test_a_locked_out_attempt_writes_nothing(client, editor):
    fail(client, "chief-editor", LIMIT)
    before = (
        list(AccessAttempt.objects.values()),
        AccessLog.objects.count(),
        Session.objects.count(),
        get_user_model().objects.get(username="chief-editor").last_login,
    )
    for password in (PASSWORD, "another guess"):
        assert sign_in(client, "chief-editor", password).status_code == 429
    after = (
        list(AccessAttempt.objects.values()),
        AccessLog.objects.count(),
        Session.objects.count(),
        get_user_model().objects.get(username="chief-editor").last_login,
    )
    assert after == before


def without_csrf_tokens(response):
    return re.sub(r'value="[A-Za-z0-9]{64}"', "", response.content.decode())


def test_the_lockout_does_not_tell_whether_the_username_exists(editor):
    known, unknown = Client(), Client()
    fail(known, "chief-editor", LIMIT, address="198.51.100.1")
    fail(unknown, "no-such-editor", LIMIT, address="198.51.100.2")
    answers = [
        sign_in(known, "chief-editor", PASSWORD, address="198.51.100.1"),
        sign_in(unknown, "no-such-editor", PASSWORD, address="198.51.100.2"),
    ]
    assert [answer.status_code for answer in answers] == [429, 429]
    assert without_csrf_tokens(answers[0]) == without_csrf_tokens(answers[1])
    assert "chief-editor" not in answers[0].content.decode()


def test_the_lockout_page_is_in_arabic(client, editor):
    fail(client, "chief-editor", LIMIT)
    response = sign_in(client, "chief-editor", PASSWORD, HTTP_ACCEPT_LANGUAGE="ar")
    assert response.status_code == 429
    assert LOCKED_OUT_AR in response.content.decode()


def test_the_api_checks_no_password(client, editor):
    """The API authenticates by session or by a token issued in the admin, never by password: no way round
    the sign-in's throttling (no Basic authentication)."""
    fail(client, "chief-editor", LIMIT)
    attempts = list(AccessAttempt.objects.values())
    answers = []
    for password in ["wrong password"] * LIMIT + [PASSWORD]:
        credentials = base64.b64encode(f"chief-editor:{password}".encode()).decode()
        answers.append(
            Client().get("/api/v1/incidents/", HTTP_AUTHORIZATION=f"Basic {credentials}", REMOTE_ADDR="192.0.2.50")
        )
    # Right or wrong, the password changes nothing: the public answer, and no attempt is checked or counted.
    assert {answer.status_code for answer in answers} == {200}
    assert len({answer.content for answer in answers}) == 1
    assert list(AccessAttempt.objects.values()) == attempts
    assert settings.REST_FRAMEWORK["DEFAULT_AUTHENTICATION_CLASSES"] == [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ]


def test_without_a_proxy_a_forged_forwarded_address_does_not_escape(client, editor):
    for number in range(LIMIT):
        sign_in(client, f"guess{number}", "wrong", HTTP_X_FORWARDED_FOR=f"10.9.9.{number}")
    response = sign_in(client, "chief-editor", PASSWORD, HTTP_X_FORWARDED_FOR="10.9.9.200")
    assert response.status_code == 429


@override_settings(MARSAD_PROXY_COUNT=1)
def test_behind_a_proxy_the_client_address_is_the_one_the_proxy_saw(editor):
    proxy = "10.0.0.2"
    attacker, colleague = Client(), Client()
    for number in range(LIMIT):
        # The attacker forges what it can (the left part); the proxy appends the address it really saw.
        sign_in(attacker, f"guess{number}", "wrong", address=proxy, HTTP_X_FORWARDED_FOR=f"1.1.1.{number}, 203.0.113.9")
    forged = sign_in(attacker, "chief-editor", PASSWORD, address=proxy, HTTP_X_FORWARDED_FOR="1.1.1.99, 203.0.113.9")
    assert forged.status_code == 429
    # Another client behind the same proxy is not locked out with it.
    response = sign_in(colleague, "chief-editor", PASSWORD, address=proxy, HTTP_X_FORWARDED_FOR="198.51.100.20")
    assert response.status_code == 302


class AnyUsernamesFromOneAddressTests(HypothesisTestCase):
    """Whatever usernames an address tries, its failures add up and the lockout comes after the limit."""

    # Any text the sign-in form accepts as a username (it refuses control characters, blank names and, once
    # NFKC-normalised, names over 150 characters before any password is checked: those are no attempt).
    usernames = st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=40).filter(
        lambda name: 0 < len(unicodedata.normalize("NFKC", name.strip()).strip()) <= 150
    )

    @hypothesis_settings(max_examples=8, deadline=None)
    @given(st.lists(usernames, min_size=LIMIT, max_size=LIMIT + 3))
    def test_any_usernames_lock_the_address(self, usernames):
        UserFactory(username="chief-editor")
        client = Client()
        for username in usernames:
            response = sign_in(client, username, "wrong")
            assert response.status_code in (200, 429)
        assert sign_in(client, "chief-editor", PASSWORD).status_code == 429
        assert not signed_in(client)
