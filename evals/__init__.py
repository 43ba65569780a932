"""The gold question set and the metrics that gate every change (`unres eval`)."""
from .gold import GoldItem, load_gold
from .run import CONFIGS, DEFAULT_CONFIG, GATE, compare, gate_failures, run_eval, write_report

__all__ = ["CONFIGS", "DEFAULT_CONFIG", "GATE", "GoldItem", "compare", "gate_failures", "load_gold", "run_eval",
           "write_report"]
