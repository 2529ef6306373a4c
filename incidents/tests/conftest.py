import pytest

from .factories import SuperUserFactory


@pytest.fixture
def admin_user_logged_in(client):
    """Return a client logged in as a superuser editor."""
    user = SuperUserFactory(username="chief-editor")
    client.force_login(user)
    client.user = user
    return client
