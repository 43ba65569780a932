"""Documents: reading seed texts into paragraph records and keeping them in a Chroma store.

Importing this package is cheap: llama-index, torch and sentence-transformers load only when
a store is built or a backend that needs them is chosen.
"""
from .encoders import BACKENDS, EmbeddingError, Encoder, make_encoder, minilm_path
from .manifest import SeedDoc, SeedError, read_manifest
from .parse import parse_document
from .records import FN, META, OP, PART_NAMES, PARTS, PP, P, Paragraph, label_for
from .store import Corpus, Store, StoreError, load_corpus, open_store

__all__ = [
    "BACKENDS", "Corpus", "EmbeddingError", "Encoder", "FN", "META", "OP", "P", "PARTS", "PART_NAMES", "PP",
    "Paragraph", "SeedDoc", "SeedError", "Store", "StoreError", "label_for", "load_corpus", "make_encoder",
    "minilm_path", "open_store", "parse_document", "read_manifest",
]
