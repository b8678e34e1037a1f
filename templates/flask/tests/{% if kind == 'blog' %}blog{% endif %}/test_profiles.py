"""GET /api/profiles/{username}, POST and DELETE /api/profiles/{username}/follow."""

from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from app.blog.profiles.models import Follow
from tests.blog.factories import auth_headers, create_follow, create_user


def test_get_profile_anonymously_shows_not_following(client: FlaskClient, session: Session) -> None:
    user = create_user(session, username="writer", bio="Hello", image="https://i.io/w.png")

    response = client.get("/api/profiles/writer")

    assert response.status_code == 200
    assert response.json == {
        "profile": {
            "username": "writer",
            "bio": "Hello",
            "image": "https://i.io/w.png",
            "following": False,
        }
    }
    assert user.email not in response.text


def test_get_profile_shows_following_when_the_viewer_follows(
    client: FlaskClient, session: Session
) -> None:
    writer = create_user(session, username="writer")
    reader = create_user(session)
    create_follow(session, follower=reader, followed=writer)

    response = client.get("/api/profiles/writer", headers=auth_headers(reader))

    assert response.json["profile"]["following"] is True


def test_get_unknown_profile_returns_404(client: FlaskClient) -> None:
    response = client.get("/api/profiles/nobody")

    assert response.status_code == 404
    assert response.json == {"errors": {"profile": ["profile not found"]}}


def test_follow_returns_following_and_stores_the_follow(
    client: FlaskClient, session: Session
) -> None:
    writer = create_user(session, username="writer")
    reader = create_user(session)

    response = client.post("/api/profiles/writer/follow", headers=auth_headers(reader))

    assert response.status_code == 200
    assert response.json["profile"]["following"] is True
    assert session.get(Follow, (reader.id, writer.id)) is not None


def test_follow_twice_changes_nothing(client: FlaskClient, session: Session) -> None:
    create_user(session, username="writer")
    reader = create_user(session)

    client.post("/api/profiles/writer/follow", headers=auth_headers(reader))
    response = client.post("/api/profiles/writer/follow", headers=auth_headers(reader))

    assert response.status_code == 200
    assert response.json["profile"]["following"] is True


def test_unfollow_returns_not_following_and_removes_the_follow(
    client: FlaskClient, session: Session
) -> None:
    writer = create_user(session, username="writer")
    reader = create_user(session)
    create_follow(session, follower=reader, followed=writer)

    response = client.delete("/api/profiles/writer/follow", headers=auth_headers(reader))

    assert response.status_code == 200
    assert response.json["profile"]["following"] is False
    session.expire_all()
    assert session.get(Follow, (reader.id, writer.id)) is None


def test_follow_without_token_returns_401(client: FlaskClient, session: Session) -> None:
    create_user(session, username="writer")

    assert client.post("/api/profiles/writer/follow").status_code == 401
    assert client.delete("/api/profiles/writer/follow").status_code == 401


def test_follow_unknown_user_returns_404(client: FlaskClient, session: Session) -> None:
    reader = create_user(session)

    response = client.post("/api/profiles/nobody/follow", headers=auth_headers(reader))

    assert response.status_code == 404


def test_follow_yourself_returns_422(client: FlaskClient, session: Session) -> None:
    me = create_user(session, username="me")

    response = client.post("/api/profiles/me/follow", headers=auth_headers(me))

    assert response.status_code == 422
