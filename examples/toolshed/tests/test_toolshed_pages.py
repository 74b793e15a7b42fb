# -*- coding: utf-8 -*-
"""The shed's pages, its JSON feed and its error pages."""
from __future__ import unicode_literals

import pytest

HOME = "http://localhost/"
MULTIPART = "multipart/form-data"


def test_empty_shed(client):
    reply = client.get("/")
    assert reply.status_code == 200
    assert reply.mimetype == "text/html"
    page = reply.get_data(as_text=True)
    assert "<title>The shed · Toolshed</title>" in page
    assert "Nothing to borrow yet" in page
    assert 'href="/static/toolshed.css"' in page
    assert 'href="/join">Join</a>' in page


def test_stylesheet(client):
    reply = client.get("/static/toolshed.css")
    assert reply.status_code == 200
    assert reply.mimetype == "text/css"
    assert b".masthead" in reply.data
    reply.close()


def test_lend_form_is_for_members_only(client):
    reply = client.get("/tools/new")
    assert reply.status_code == 302
    assert reply.headers["Location"] == HOME + "login"
    assert "Log in first, please." in client.get("/login").get_data(as_text=True)
    reply = client.post("/tools/new", data={"name": "Ladder"})
    assert reply.headers["Location"] == HOME + "login"
    assert "Ladder" not in client.get("/").get_data(as_text=True)


def test_lend_a_tool(ann):
    assert "<title>Lend a tool · Toolshed</title>" in ann.page("/tools/new")
    reply = ann.lend("  Ladder ", "  Three metres  ")
    assert reply.status_code == 302
    assert reply.headers["Location"] == HOME
    page = ann.page()
    assert "Ladder is in the shed." in page
    assert "<strong>Ladder</strong>" in page
    assert "<small>Three metres</small>" in page
    assert "<td>Ann</td>" in page
    assert 'action="/tools/1/borrow"' in page


@pytest.mark.parametrize(
    ("form", "message"),
    [
        ({"name": "", "note": "no name"}, "Every tool needs a name."),
        ({"note": "no name at all"}, "Every tool needs a name."),
        ({"name": "x" * 201}, "Keep the name and the note under 200 characters."),
        ({"name": "Saw", "note": "x" * 201}, "Keep the name and the note under 200"),
    ],
    ids=["empty-name", "missing-name", "long-name", "long-note"],
)
def test_lend_turns_down_bad_input(ann, form, message):
    reply = ann.client.post("/tools/new", data=form)
    assert reply.status_code == 400
    page = reply.get_data(as_text=True)
    assert message in page
    # what was typed is offered again
    assert form.get("note", "") in page
    assert "Nothing to borrow yet" in ann.page()


def test_names_are_escaped_and_kept_whole(ann):
    ann.lend("<script>alert('saw')</script>", "Bügelsäge & Ersatzblätter")
    page = ann.page()
    assert "<script>" not in page
    assert "&lt;script&gt;alert(&#39;saw&#39;)&lt;/script&gt;" in page
    assert "Bügelsäge &amp; Ersatzblätter" in page


def test_borrow_and_return(ann, bert, drill):
    page = bert.page()
    assert "In the shed" in page
    reply = bert.borrow(drill)
    assert reply.status_code == 302
    assert reply.headers["Location"] == HOME
    page = bert.page()
    assert "Cordless drill is yours until you bring it back." in page
    assert "With Bert" in page
    assert 'action="/tools/1/return"' in page

    reply = bert.give_back(drill)
    assert reply.status_code == 302
    page = bert.page()
    assert "Cordless drill is back in the shed." in page
    assert "In the shed" in page


def test_the_owner_can_mark_a_tool_returned(ann, bert, drill):
    bert.borrow(drill)
    assert 'action="/tools/1/return"' in ann.page()
    assert ann.give_back(drill).status_code == 302
    assert "In the shed" in bert.page()


def test_a_tool_already_out_cannot_be_borrowed(ann, bert, drill):
    bert.borrow(drill)
    reply = ann.borrow(drill)
    assert reply.status_code == 409
    page = reply.get_data(as_text=True)
    assert "<title>409: Conflict · Toolshed</title>" in page
    assert "Cordless drill is already out with Bert." in page


def test_a_tool_in_the_shed_cannot_be_returned(ann, drill):
    reply = ann.give_back(drill)
    assert reply.status_code == 409
    assert "Cordless drill is in the shed already." in reply.get_data(as_text=True)


def test_only_borrower_or_owner_returns_a_tool(ann, bert, drill, neighbour):
    cleo = neighbour("Cleo", "cleo-password")
    cleo.join()
    bert.borrow(drill)
    assert 'action="/tools/1/return"' not in cleo.page()
    reply = cleo.give_back(drill)
    assert reply.status_code == 403
    page = reply.get_data(as_text=True)
    assert "<title>403: Forbidden · Toolshed</title>" in page
    assert "Only Bert or the owner can return Cordless drill." in page
    assert "With Bert" in cleo.page()


def test_visitors_cannot_borrow(client, drill):
    page = client.get("/").get_data(as_text=True)
    assert "Borrow</button>" not in page
    reply = client.post("/tools/1/borrow")
    assert reply.status_code == 302
    assert reply.headers["Location"] == HOME + "login"
    assert client.post("/tools/1/return").headers["Location"] == HOME + "login"


@pytest.mark.parametrize("action", ["borrow", "return"])
def test_unknown_tool_is_a_404_page(ann, action):
    reply = ann.client.post("/tools/7/" + action)
    assert reply.status_code == 404
    page = reply.get_data(as_text=True)
    assert "<title>404: Not Found · Toolshed</title>" in page
    assert "There is no tool number 7 in the shed." in page


@pytest.mark.parametrize("path", ["/no-such-page", "/tools/drill/borrow"])
def test_unknown_address_is_a_404_page(client, path):
    reply = client.get(path)
    assert reply.status_code == 404
    page = reply.get_data(as_text=True)
    assert "<title>404: Not Found · Toolshed</title>" in page
    assert 'href="/">Back to the shed</a>' in page


def test_borrowing_takes_a_post(ann, drill):
    reply = ann.client.get("/tools/1/borrow")
    assert reply.status_code == 405
    allowed = set(method.strip() for method in reply.headers["Allow"].split(","))
    assert allowed == {"OPTIONS", "POST"}
    assert "In the shed" in ann.page()


def test_a_malformed_form_is_a_400_page(ann):
    # no boundary= parameter, and a body that is not multipart anyway
    garbled = b"--nope\r\nnot a multipart body"
    reply = ann.client.post("/tools/new", data=garbled, content_type=MULTIPART)
    assert reply.status_code == 400
    assert "<title>400: Bad Request · Toolshed</title>" in reply.get_data(
        as_text=True
    )


def test_json_feed(ann, bert, drill):
    ann.lend("Wheelbarrow")
    bert.borrow(drill)
    reply = ann.client.get("/api/tools")
    assert reply.status_code == 200
    assert reply.mimetype == "application/json"
    assert reply.get_json() == {
        "tools": [
            {
                "id": 1,
                "name": "Cordless drill",
                "note": "Charger is in the bag",
                "owner": "Ann",
                "borrower": "Bert",
                "available": False,
            },
            {
                "id": 2,
                "name": "Wheelbarrow",
                "note": "",
                "owner": "Ann",
                "borrower": None,
                "available": True,
            },
        ]
    }


def test_json_feed_is_public_and_keeps_non_ascii(client, ann):
    ann.lend("Säge")
    data = client.get("/api/tools").get_json()
    assert [tool["name"] for tool in data["tools"]] == ["Säge"]
