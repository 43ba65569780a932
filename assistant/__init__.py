"""Questions: grounded, cited answers from the indexed General Assembly resolutions."""
from .answer import Answer, Citation, Context, Source
from .api import Assistant, QuestionError
from .config import Settings, SettingsError

__all__ = ["Answer", "Assistant", "Citation", "Context", "QuestionError", "Settings", "SettingsError", "Source"]
