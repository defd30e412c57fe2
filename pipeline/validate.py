"""Validator: placeholder until the rules land."""
from __future__ import annotations


def validate_database(engine):
    return []
