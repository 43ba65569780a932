"""Documents: reading seed texts into paragraph records and keeping them in a Chroma store."""
from .embeddings import BACKENDS, EmbeddingError, embedding_id, make_embedding
from .manifest import SeedDoc, SeedError, read_manifest
from .parse import parse_document
from .records import FN, META, OP, PART_NAMES, PARTS, PP, P, Paragraph, label_for
from .store import Corpus, Store, StoreError, load_corpus, open_store

__all__ = [
    "BACKENDS", "Corpus", "EmbeddingError", "FN", "META", "OP", "P", "PARTS", "PART_NAMES", "PP",
    "Paragraph", "SeedDoc", "SeedError", "Store", "StoreError", "embedding_id", "label_for",
    "load_corpus", "make_embedding", "open_store", "parse_document", "read_manifest",
]
