"""The learned layer: a linear text model for the categories phrasing cannot pin down.

Trained offline (scripts/train_model.py) on labelled chats; the weights ship in
resources/model/ with the checksum of the data they came from. Pure Python, no network.
"""

from rep_assistant.core.detection.learned.model import LearnedModel, Scored, load_languages_model, load_model

__all__ = ["LearnedModel", "Scored", "load_languages_model", "load_model"]
