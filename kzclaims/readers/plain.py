"""Plain text (``.txt``, ``.md``): UTF-8, else a named legacy encoding with a warning.

UTF-8 (with or without a byte-order mark) and UTF-16 with a byte-order mark are read as they are.
Any other text is a legacy single-byte file, and in news work that is nearly always Windows-1252
(Western European) or Windows-1251 (Cyrillic). Which of the two is decided from the letters: in
Windows-1251 the bytes 0xC0-0xFF are the Cyrillic alphabet, so a Russian text has most of its
letters there, while a Western text has only the odd accented letter ("café", "Zürich"). The
measured split (``benchmarks/readers.py``) is wide: Russian texts have more than 50 % of their
letters in that range, Western ones under 10 %; the cut is at 30 %. This is written here rather
than taken from charset-normalizer because it needs no dependency for plain text, and on the
measured samples it is as accurate (see docs/benchmarks.md).
"""

from __future__ import annotations

from kzclaims.errors import InputError, Problem
from kzclaims.readers import Document, suffix_list, warning

__all__ = ["CYRILLIC_SHARE", "guess_legacy_encoding", "read_plain"]

#: share of letters in 0xC0-0xFF above which a legacy file is read as Windows-1251
CYRILLIC_SHARE = 0.30

_NAMES = {"cp1252": "Windows-1252 (Western European)", "cp1251": "Windows-1251 (Cyrillic)"}


def guess_legacy_encoding(data: bytes) -> str:
    """``cp1251`` or ``cp1252`` for bytes that are not UTF-8 (see the module docstring)."""
    high = sum(data.count(bytes((b,))) for b in range(0xC0, 0x100))
    low = sum(1 for b in data if 0x41 <= b <= 0x5A or 0x61 <= b <= 0x7A)
    letters = high + low
    return "cp1251" if letters and high / letters >= CYRILLIC_SHARE else "cp1252"


def read_plain(data: bytes, shown: str) -> Document:
    warnings: tuple[Problem, ...] = ()
    encoding = "utf-8"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
            encoding = "utf-16"
        except UnicodeDecodeError:
            raise InputError.single(
                shown, "starts like UTF-16 text but does not decode as UTF-16", code="encoding"
            ) from None
    else:
        if b"\x00" in data[:8192]:
            raise InputError.single(
                shown,
                f"binary file, not text, and no reader knows it (sources may be {suffix_list()}"
                " files)",
                code="binary",
            )
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            encoding = guess_legacy_encoding(data)
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                other = "cp1251" if encoding == "cp1252" else "cp1252"
                try:
                    text = data.decode(other)
                    encoding = other
                except UnicodeDecodeError:
                    line = data.count(b"\n", 0, exc.start) + 1
                    col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
                    raise InputError.single(
                        shown,
                        f"not UTF-8, Windows-1252 or Windows-1251 text (byte "
                        f"0x{data[exc.start]:02x}); re-save the file as UTF-8",
                        line,
                        col,
                        "encoding",
                    ) from None
            line = data.count(b"\n", 0, exc.start) + 1
            col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
            message = (
                f"not UTF-8 (byte 0x{data[exc.start]:02x}); read as {_NAMES[encoding]}, judged"
                " from its letters; re-save the file as UTF-8 to be sure"
            )
            warnings = (warning(shown, message, line, col),)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Document(text=text, kind="text", encoding=encoding, warnings=warnings)
