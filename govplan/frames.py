"""Claim rows as pandas DataFrames and Arrow tables: the dtypes every table sink shares.

pandas and pyarrow are optional (``pip install 'govplan[pandas]'``); they are
imported when a function here is first called, never by ``import govplan``.

The dtypes, the same in pandas, Parquet, Dask and Spark:

* text columns (``file``, ``title``, ``heading``, ``text``, ``unit`` …) are
  strings, missing values null;
* ``value`` and ``high`` are 64-bit floats (``float64``, Spark's
  ``DoubleType``), ``high`` NaN/null when the claim is not a range.  A double
  holds every whole number up to 2**53 (about 9×10**15, far beyond a 万亿元
  budget) and decimals of up to 15 significant digits exactly; where a figure
  needs more, the exact value is in :func:`govplan.claim_rows` (``int`` or
  ``Decimal``) and in the command line's CSV and JSON output;
* ``start`` and ``end`` are 64-bit integers;
* in pandas, ``bound``, ``modality`` and ``direction`` are categoricals of
  their few values (in Parquet and Spark, plain strings).

>>> import govplan
>>> doc = govplan.parse("一、主要成效\\n新建公办幼儿园7所,投入资金4800余万元。")
>>> frame = claims_frame(govplan.claim_rows(doc, file="plan.txt"))
>>> print(*frame.loc[1, ["file", "text", "value", "unit", "approx"]])
plan.txt 4800余万元 48000000.0 元 余
>>> str(frame["value"].dtype), str(frame["start"].dtype), str(frame["modality"].dtype)
('float64', 'int64', 'category')
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final

from govplan.tables import CLAIM_COLUMNS, OUTLINE_COLUMNS, ClaimRow, OutlineRow

if TYPE_CHECKING:
    import pandas
    import pyarrow

__all__ = [
    "CATEGORIES",
    "arrow_schema",
    "claims_frame",
    "float_row",
    "to_arrow",
]

_FLOAT_COLUMNS: Final = frozenset({"value", "high"})
_INT_COLUMNS: Final = frozenset({"start", "end", "level", "ordinal"})
_BOOL_COLUMNS: Final = frozenset({"inline"})

#: The values of the categorical columns of :func:`claims_frame`.
CATEGORIES: Final[Mapping[str, tuple[str, ...]]] = {
    "bound": ("min", "max"),
    "modality": ("achieved", "target"),
    "direction": ("up", "down"),
}


def float_row(row: Mapping[str, object]) -> dict[str, object]:
    """Return a copy of *row* with ``value`` and ``high`` as ``float`` (None stays None).

    This is the one place where exact values become floats, for the sinks
    whose number column is a double (pandas, Parquet, Spark's ``DoubleType``).

    >>> from decimal import Decimal
    >>> float_row({"text": "6.5%", "value": Decimal("6.5"), "high": None})
    {'text': '6.5%', 'value': 6.5, 'high': None}
    """
    out = dict(row)
    for key in _FLOAT_COLUMNS & out.keys():
        value = out[key]
        if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
            out[key] = float(value)
    return out


def claims_frame(rows: Iterable[ClaimRow]) -> pandas.DataFrame:
    """Return *rows* (from :func:`govplan.claim_rows`) as a DataFrame with the dtypes above.

    The columns are those of :data:`govplan.tables.CLAIM_COLUMNS`, in order,
    even when there are no rows.

    >>> claims_frame([]).columns.tolist()[:5]
    ['file', 'title', 'doc_type', 'heading', 'text']
    >>> claims_frame([]).shape
    (0, 16)
    """
    pd = _pandas()
    records = [float_row(row) for row in rows]
    frame = pd.DataFrame.from_records(records, columns=list(CLAIM_COLUMNS))
    dtypes: dict[str, Any] = {}
    for column in CLAIM_COLUMNS:
        if column in CATEGORIES:
            dtypes[column] = pd.CategoricalDtype(list(CATEGORIES[column]))
        elif column in _FLOAT_COLUMNS:
            dtypes[column] = "float64"
        elif column in _INT_COLUMNS:
            dtypes[column] = "int64"
        else:
            dtypes[column] = pd.StringDtype()
    return frame.astype(dtypes)


def arrow_schema(kind: str = "claims") -> pyarrow.Schema:
    """Return the Arrow (Parquet) schema of claim rows, or of outline rows for ``"outline"``.

    >>> [f"{field.name}: {field.type}" for field in arrow_schema()][4:7]
    ['text: string', 'value: double', 'high: double']
    >>> arrow_schema("outline").field("inline").type
    DataType(bool)
    """
    pa = _pyarrow()
    columns = _columns(kind)
    fields = []
    for column in columns:
        if column in _FLOAT_COLUMNS:
            kind_of = pa.float64()
        elif column in _INT_COLUMNS:
            kind_of = pa.int64()
        elif column in _BOOL_COLUMNS:
            kind_of = pa.bool_()
        else:
            kind_of = pa.string()
        fields.append(pa.field(column, kind_of, nullable=True))
    return pa.schema(fields)


def to_arrow(rows: Iterable[ClaimRow | OutlineRow], kind: str = "claims") -> pyarrow.Table:
    """Return claim rows (or outline rows, for ``"outline"``) as an Arrow table.

    The table has the schema :func:`arrow_schema` gives for *kind*.

    >>> import govplan
    >>> table = to_arrow(govplan.claim_rows(govplan.parse("新建学校3所。")))
    >>> table.num_rows, table.column("value").to_pylist()
    (1, [3.0])
    """
    pa = _pyarrow()
    records = [float_row(row) for row in rows]
    return pa.Table.from_pylist(records, schema=arrow_schema(kind))


def _columns(kind: str) -> tuple[str, ...]:
    if kind == "claims":
        return CLAIM_COLUMNS
    if kind == "outline":
        return OUTLINE_COLUMNS
    raise ValueError(f"kind must be 'claims' or 'outline', not {kind!r}")


def _pandas() -> Any:
    try:
        import pandas
    except ImportError:
        raise ImportError(_missing("pandas")) from None
    return pandas


def _pyarrow() -> Any:
    try:
        import pyarrow
    except ImportError:
        raise ImportError(_missing("pyarrow")) from None
    return pyarrow


def _missing(name: str) -> str:
    return f"this needs {name}: pip install 'govplan[pandas]'"
