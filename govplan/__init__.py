"""govplan: read Chinese government work documents into a typed document model.

>>> import govplan
>>> doc = govplan.parse("一、总体要求\\n二、主要任务")
>>> [h.title for h in doc.outline]
['总体要求', '主要任务']
"""

from govplan.claims import explain, extract_claims
from govplan.dates import parse_date
from govplan.docnumbers import parse_doc_number, parse_index_number
from govplan.errors import (
    DateError,
    DocNumberError,
    GovplanError,
    IndexNumberError,
    NumberError,
)
from govplan.files import DecodeError, read_file
from govplan.frames import claims_frame
from govplan.html import to_html
from govplan.model import (
    Bound,
    Byline,
    Claim,
    Comparison,
    Diagnostic,
    DocNumber,
    Document,
    Explanation,
    Field,
    Heading,
    IndexNumber,
    MarkerStyle,
    Metadata,
    Modality,
    Signature,
    Span,
)
from govplan.normalize import Normalized, is_noise_line
from govplan.numerals import parse_number
from govplan.pipeline import parse
from govplan.serialize import json_schema, to_dict
from govplan.structure import find, walk
from govplan.tables import ClaimRow, OutlineRow, claim_rows, outline_rows
from govplan.targets import TargetMatch, match_targets

__all__ = [
    "Bound",
    "Byline",
    "Claim",
    "ClaimRow",
    "Comparison",
    "DateError",
    "DecodeError",
    "Diagnostic",
    "DocNumber",
    "DocNumberError",
    "Document",
    "Explanation",
    "Field",
    "GovplanError",
    "Heading",
    "IndexNumber",
    "IndexNumberError",
    "MarkerStyle",
    "Metadata",
    "Modality",
    "Normalized",
    "NumberError",
    "OutlineRow",
    "Signature",
    "Span",
    "TargetMatch",
    "claim_rows",
    "claims_frame",
    "explain",
    "extract_claims",
    "find",
    "is_noise_line",
    "json_schema",
    "match_targets",
    "outline_rows",
    "parse",
    "parse_date",
    "parse_doc_number",
    "parse_index_number",
    "parse_number",
    "read_file",
    "to_dict",
    "to_html",
    "walk",
]

__version__ = "0.1.0"
