"""Machine-readable exports of a dossier: pure functions returning text (or bytes)."""

from briefbook.export.dossier_json import SCHEMA_VERSION, dossier_data, dossier_json, load_schema
from briefbook.export.positions_csv import positions_csv

__all__ = ["SCHEMA_VERSION", "dossier_data", "dossier_json", "load_schema", "positions_csv"]
