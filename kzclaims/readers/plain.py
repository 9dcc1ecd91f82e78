"""Plain text (``.txt``, ``.md``): UTF-8, else a named legacy encoding with a warning.

UTF-8 (with or without a byte-order mark) and UTF-16 with a byte-order mark are read as they are.
Any other text is a legacy single-byte file: Windows-1252 (Western European) or one of the
Cyrillic code pages (Windows-1251, KOI8-R, CP866, Mac Cyrillic), judged from how its words read
in each (``kzclaims.readers.encoding``, which works on bytes wherever they come from). The
warning names the encoding used.
"""

from __future__ import annotations

from kzclaims.errors import InputError, Problem
from kzclaims.readers import Document, suffix_list, warning
from kzclaims.readers.encoding import ENCODING_NAMES, guess_legacy_encoding

__all__ = ["guess_legacy_encoding", "read_plain"]


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
            encoding = guess_legacy_encoding(data)  # KOI8-R, CP866, Mac Cyrillic decode all
            text = data.decode(encoding)
            line = data.count(b"\n", 0, exc.start) + 1
            col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
            message = (
                f"not UTF-8 (byte 0x{data[exc.start]:02x}); read as {ENCODING_NAMES[encoding]},"
                " judged from its letters; re-save the file as UTF-8 to be sure"
            )
            warnings = (warning(shown, message, line, col),)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Document(text=text, kind="text", encoding=encoding, warnings=warnings)
