"""Evaluation of pipeline components against annotated corpora (TimeBank for temporal tagging)."""
