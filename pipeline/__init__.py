"""Extraction, normalisation and deduplication of government pages (pure functions)."""
from pipeline.extract import extract

__all__ = ["extract"]
