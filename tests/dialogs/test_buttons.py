"""Callback data: building within Telegram's 64 bytes, and parsing whatever a client sends."""

import pytest

from dialogs import buttons


@pytest.mark.parametrize("data", ["d²:x", "d٣:x", "d１:x", "d:x", "dx:1", "d-1:x", "", "x" * 64])
def test_parse_rejects_anything_but_ascii_versions(data: str) -> None:
    assert buttons.parse(data) == ("invalid", None, "")


def test_parse_reads_dialog_and_global_data() -> None:
    assert buttons.parse("d12:region:jilin") == ("dialog", 12, "region:jilin")
    assert buttons.parse("g:ask:faq-1") == ("global", None, "ask:faq-1")
