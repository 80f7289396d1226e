"""Place pickers name each place by its hierarchy: no two choices read the same."""

from __future__ import annotations

import re
from collections import Counter
from html import unescape
from typing import Any

import pytest
from django.urls import reverse

from mizan.core.models import Place
from tests.conftest import signed_in

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["ar", "en"])
def test_incident_place_choices_are_distinct_paths(documenter_a: Any, language: str) -> None:
    page = signed_in(documenter_a, language=language).get(reverse("cases:incident_create"))
    body = page.content.decode()
    select = re.search(r'<select name="place"[^>]*>(.*?)</select>', body, re.S)
    assert select is not None and 'data-place-picker="1"' in body
    labels = [
        unescape(t) for t in re.findall(r"<option value=\"\d+\"[^>]*>(.*?)</option>", select[1])
    ]
    assert len(labels) == Place.objects.exclude(kind=Place.Kind.COUNTRY).count()
    repeated = [label for label, n in Counter(labels).items() if n > 1]
    assert not repeated, repeated[:5]
    assert any(" › " in label for label in labels)
