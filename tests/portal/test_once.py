"""portal.once: a create form posted twice makes one object, and the repeat goes where the first went."""

import pytest
from django import forms

from portal.models import SpentToken
from portal.once import AlreadyDone, OnceForm, run_once

pytestmark = pytest.mark.django_db


class NoteForm(OnceForm, forms.Form):
    text = forms.CharField()


def _posted(token, text="x"):
    form = NoteForm({"once": token, "text": text})
    assert form.is_valid(), form.errors
    return form


def test_a_fresh_form_carries_a_new_token_each_time():
    first, second = NoteForm(), NoteForm()
    a = first["once"].value()
    b = second["once"].value()
    assert a and b and a != b


def test_the_second_post_of_a_token_runs_nothing_and_names_the_first_result(django_user_model):
    user = django_user_model.objects.create_user("u")
    made = []
    token = "A" * 32
    result = run_once(_posted(token), user, lambda: made.append(1) or len(made), url=lambda n: f"/thing/{n}/")
    assert result == 1
    with pytest.raises(AlreadyDone) as repeat:
        run_once(_posted(token), user, lambda: made.append(1) or len(made), url=lambda n: f"/thing/{n}/")
    assert repeat.value.url == "/thing/1/"
    assert made == [1]


def test_a_failed_action_leaves_the_token_unspent_so_the_corrected_form_can_be_posted():
    token = "B" * 32

    def fails():
        raise ValueError("bad")

    with pytest.raises(ValueError):
        run_once(_posted(token), None, fails)
    assert not SpentToken.objects.filter(token=token).exists()
    assert run_once(_posted(token), None, lambda: "ok") == "ok"


def test_a_missing_or_malformed_token_is_a_form_error_not_a_crash():
    assert "once" in NoteForm({"text": "x"}).errors
    assert "once" in NoteForm({"text": "x", "once": "<script>"}).errors


def test_a_missing_token_is_also_said_at_the_top_of_the_form():
    # the token's field is hidden: a layout shows only the form's own errors for it
    form = NoteForm({"text": "x"})
    assert not form.is_valid()
    assert "The form has expired" in " ".join(form.non_field_errors()) or "Formularen er udløbet" in " ".join(form.non_field_errors())
