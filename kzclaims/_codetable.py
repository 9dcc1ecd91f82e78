"""How the tables of compiled code (``kzclaims/_recode.py``, ``kzclaims/_dccode.py``) are
stored: a ``DATA`` string of base64 of zlib of marshal, written by ``python -m kzclaims._lazyre``
and ``python -m kzclaims._dataclass``."""

from __future__ import annotations

from types import ModuleType
from typing import Any


def unpack(data: str) -> Any:
    """The table a ``DATA`` string holds."""
    import base64
    import marshal
    import zlib

    return marshal.loads(zlib.decompress(base64.b64decode(data)))


def data_source(table: Any) -> str:
    """The ``DATA = (...)`` statement that holds ``table``, 96 characters a line."""
    import base64
    import marshal
    import zlib

    # marshal version 2 writes no back-references, whose use depends on reference counts: the
    # same table gives the same bytes in any process
    data = base64.b64encode(zlib.compress(marshal.dumps(table, 2), 9)).decode("ascii")
    width = 96
    lines = [data[i : i + width] for i in range(0, len(data), width)]
    body = "\n".join(f'    "{line}"' for line in lines)
    return f"DATA = (\n{body}\n)\n"


def write(module: ModuleType, name: str) -> int:
    """Write ``module.table_source()`` to the file ``name`` beside the module; exit status 0."""
    from pathlib import Path

    from kzclaims.io import write_atomic

    target = Path(str(module.__file__)).with_name(name)
    text = module.table_source()
    write_atomic(target, text)
    print(f"wrote {target} ({len(text):,} characters)")
    return 0
