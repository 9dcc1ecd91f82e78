"""kzclaims._dataclass: classes whose methods come from the table of compiled code are the
classes ``dataclasses.dataclass`` makes."""

from __future__ import annotations

import dataclasses
import re
import subprocess
import sys
from dataclasses import FrozenInstanceError, field, fields, replace
from pathlib import Path
from typing import Any

import pytest

from kzclaims import _dataclass, _dccode

_TABLE_IS_FOR_THIS_PYTHON = (
    sys.implementation.name == "cpython"
    and tuple(sys.version_info[:2]) == _dccode.PYTHON
    and _dataclass._original is not None
    and _dataclass._fingerprint() == _dccode.CREATE_FN
)
_for_this_python = pytest.mark.skipif(
    not _TABLE_IS_FOR_THIS_PYTHON,
    reason=f"kzclaims/_dccode.py is for Python {_dccode.PYTHON} and its dataclasses module",
)

# Every dataclass of the package, described by what its methods do (code, names, constants,
# defaults, annotations, qualified names) and by its fields and options; printed by a fresh
# interpreter, with or without the table.
_DESCRIBE = """
import dataclasses, importlib, pkgutil, sys
import kzclaims, kzclaims._dataclass as D
if sys.argv[1] == "plain":
    D._table = {}
for info in sorted(pkgutil.walk_packages(kzclaims.__path__, "kzclaims."), key=lambda i: i.name):
    if info.name not in ("kzclaims.__main__", "kzclaims._recode", "kzclaims._dccode"):
        importlib.import_module(info.name)
seen = {}
for name, module in sorted(sys.modules.items()):
    if not name.startswith("kzclaims"):
        continue
    for value in vars(module).values():
        if isinstance(value, type) and dataclasses.is_dataclass(value):
            seen[value.__module__ + "." + value.__qualname__] = value
def shape(code):
    consts = tuple(shape(c) if hasattr(c, "co_code") else c for c in code.co_consts)
    return (code.co_code, consts, code.co_names, code.co_varnames, code.co_freevars,
            code.co_argcount, code.co_kwonlyargcount, code.co_flags, code.co_qualname)
for key, cls in sorted(seen.items()):
    print(key, cls.__dataclass_params__, cls.__doc__, getattr(cls, "__match_args__", None),
          getattr(cls, "__slots__", None))
    for f in dataclasses.fields(cls):
        print("  field", f)
    for attr, fn in sorted(vars(cls).items()):
        fn = getattr(fn, "__wrapped__", fn)
        code = getattr(fn, "__code__", None)
        if code is None or code.co_filename != "<string>":
            continue  # not made by dataclasses
        print("  method", attr, fn.__qualname__, fn.__module__, shape(code), fn.__defaults__,
              fn.__kwdefaults__, fn.__annotations__, fn.__globals__ is vars(sys.modules[cls.__module__]),
              [c.cell_contents for c in fn.__closure__ or ()])
print(len(seen), "classes")
"""


def _describe(mode: str) -> str:
    p = subprocess.run(
        [sys.executable, "-c", _DESCRIBE, mode], capture_output=True, text=True, check=False
    )
    assert p.returncode == 0, p.stderr
    return re.sub(r" at 0x[0-9a-f]+", "", p.stdout)  # the addresses of objects differ


@_for_this_python
def test_table_is_current() -> None:
    """Every method the package's dataclasses get at import is in the table, compiled by this
    Python (a fresh interpreter)."""
    code = "import sys; from kzclaims import _dataclass; sys.stdout.write(_dataclass.table_source())"
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert p.returncode == 0, p.stderr
    current = Path(_dccode.__file__).read_text(encoding="utf-8")
    assert p.stdout == current, (
        "kzclaims/_dccode.py is out of date (a dataclass changed): run `python -m "
        "kzclaims._dataclass` and commit it (on a rebase conflict in it, run the same command)"
    )


@_for_this_python
def test_package_classes_equal_plain_dataclasses() -> None:
    """Built from the table or by ``dataclasses`` alone, every class of the package has the same
    fields, options, doc and methods (the same code, defaults, annotations, globals, closure)."""
    fast, plain = _describe("table"), _describe("plain")
    assert fast.splitlines()[-1].split()[0].isdigit() and int(fast.splitlines()[-1].split()[0]) > 30
    assert fast == plain


@dataclasses.dataclass(frozen=True, order=True)
class _PlainPoint:
    x: int
    y: int = 0
    tags: tuple[str, ...] = field(default_factory=tuple)
    note: str = field(default="", compare=False, repr=False)


@_dataclass.dataclass(frozen=True, order=True)
class _FastPoint:
    x: int
    y: int = 0
    tags: tuple[str, ...] = field(default_factory=tuple)
    note: str = field(default="", compare=False, repr=False)


@dataclasses.dataclass(frozen=True, slots=True)
class _PlainSlots:
    a: str
    b: list[int] = field(default_factory=list, hash=False)


@_dataclass.dataclass(frozen=True, slots=True)
class _FastSlots:
    a: str
    b: list[int] = field(default_factory=list, hash=False)


@dataclasses.dataclass
class _PlainMutable:
    a: int
    b: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.b.setdefault("seen", self.a)


@_dataclass.dataclass
class _FastMutable:
    a: int
    b: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.b.setdefault("seen", self.a)


def test_classes_outside_the_table_behave_as_plain_ones() -> None:
    """Classes whose methods are not in the table (these) are compiled as dataclasses does."""
    for plain, fast in ((_PlainPoint, _FastPoint), (_PlainSlots, _FastSlots)):
        assert [f.name for f in fields(plain)] == [f.name for f in fields(fast)]
        assert [(f.compare, f.hash, f.repr) for f in fields(plain)] == [
            (f.compare, f.hash, f.repr) for f in fields(fast)
        ]
        assert repr(plain.__dataclass_params__) == repr(fast.__dataclass_params__)  # type: ignore[attr-defined]
    p, q = _FastPoint(1, 2, ("a",), "n"), _FastPoint(1, 2, ("a",), "other")
    assert p == q and hash(p) == hash(q) and p < _FastPoint(2)
    assert repr(p) == repr(_PlainPoint(1, 2, ("a",), "n")).replace("_PlainPoint", "_FastPoint")
    assert replace(p, y=5).y == 5 and p.y == 2
    with pytest.raises(FrozenInstanceError):
        p.x = 3  # type: ignore[misc]
    s = _FastSlots("a")
    assert not hasattr(s, "__dict__") and s == _FastSlots("a") and hash(s) == hash(_FastSlots("a"))
    m = _FastMutable(3)
    m.a = 4
    assert m.b == {"seen": 3} and m != _FastMutable(4)
    assert dataclasses._create_fn is _dataclass._original  # type: ignore[attr-defined]


@_for_this_python
def test_table_code_is_what_exec_compiles() -> None:
    """Each entry is the code ``exec`` of its text defines: same function, other costs."""
    table = _dataclass._load_table()
    for txt, code in list(table.items())[:400]:
        module = compile(txt, "<string>", "exec", dont_inherit=True)
        (want,) = [c for c in module.co_consts if hasattr(c, "co_code")]
        assert code == want, txt


def test_methods_carry_the_types_dataclasses_gives_them() -> None:
    """The generated ``__init__`` is annotated with the fields' types, as by ``dataclasses``
    (whose module has no ``from __future__ import annotations``): ``help()``, ``inspect``,
    ``typing.get_type_hints`` on it work. They showed ``id: '_type_id'`` and raised NameError."""
    import inspect
    import typing

    import kzclaims

    for plain, fast in ((_PlainPoint, _FastPoint), (_PlainSlots, _FastSlots)):
        assert plain.__init__.__annotations__ == fast.__init__.__annotations__
        assert plain.__doc__.replace("_Plain", "_Fast") == fast.__doc__  # type: ignore[union-attr]
    for cls in (kzclaims.Source, kzclaims.Report, kzclaims.Claim, kzclaims.Finding):
        assert "_type_" not in str(inspect.signature(cls)) and "_type_" not in (cls.__doc__ or "")
        hints = typing.get_type_hints(cls.__init__)
        assert hints == {**typing.get_type_hints(cls), "return": type(None)}


def test_replace_is_dataclasses_replace() -> None:
    """kzclaims._dataclass.replace gives what dataclasses.replace gives: the same fields, type,
    equality, hash and frozenness for plain classes (a copy of the __dict__), and the standard
    path (its checks and __post_init__) for every other class or change."""
    from kzclaims.model import Match, Value

    m = Match("s", "Ten people died.", 3, 55.0, "ten died", 1, 2, ((0, 3),))
    for changes in ({"score": 3.0}, {"text": "x", "last_sentence": 5}, {}):
        got, want = _dataclass.replace(m, **changes), replace(m, **changes)
        assert type(got) is Match and got == want and hash(got) == hash(want)
        assert [getattr(got, f.name) for f in fields(Match)] == [
            getattr(want, f.name) for f in fields(Match)
        ]
        assert list(vars(got)) == list(vars(want))  # field order, as __init__ stores them
        assert got is not m
        with pytest.raises(FrozenInstanceError):
            got.score = 1.0  # type: ignore[misc]
    v = Value("number", 0, 3, "ten", "10")  # type: ignore[arg-type]
    assert _dataclass.replace(v, start=4, end=7) == replace(v, start=4, end=7)
    with pytest.raises(TypeError):  # not a field: refused as by dataclasses.replace
        _dataclass.replace(m, nonsense=1)

    calls: list[int] = []

    @dataclasses.dataclass(frozen=True)
    class Post:
        x: int
        y: int = field(init=False, default=0)

        def __post_init__(self) -> None:
            calls.append(self.x)
            object.__setattr__(self, "y", self.x * 2)

    @dataclasses.dataclass(frozen=True, slots=True)
    class Slotted:
        x: int

    class Own:
        def __init__(self, x: int) -> None:
            self.x = x + 1

    OwnData = dataclasses.dataclass(init=False)(Own)
    assert not _dataclass._is_plain(Post) and not _dataclass._is_plain(Slotted)
    assert not _dataclass._is_plain(OwnData)
    p = _dataclass.replace(Post(1), x=5)
    assert (p.x, p.y, calls) == (5, 10, [1, 5])  # __post_init__ ran, as dataclasses does
    assert _dataclass.replace(Slotted(1), x=2) == Slotted(2)


def test_every_dataclass_of_the_package_has_a_docstring() -> None:
    """Without one, ``dataclasses`` makes the class's docstring from ``inspect.signature`` at
    import (~0.1 ms a class, ~2.5 ms of every start-up for 20 classes, issue 8)."""
    import dataclasses
    import importlib
    import pkgutil

    import kzclaims

    skip = ("kzclaims.__main__", "kzclaims._recode", "kzclaims._dccode")
    bare = []
    for info in pkgutil.walk_packages(kzclaims.__path__, "kzclaims."):
        if info.name in skip:
            continue
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and dataclasses.is_dataclass(value)
                and value.__module__ == info.name
                and "__doc__" in vars(value)
                and (value.__doc__ or "").startswith(value.__name__ + "(")
            ):
                bare.append(f"{info.name}.{value.__qualname__}")
    assert bare == []
