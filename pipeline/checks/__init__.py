"""The validator's rules, one module per kind of check (see pipeline/validate.py)."""
