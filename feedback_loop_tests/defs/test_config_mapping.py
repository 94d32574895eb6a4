"""Each asset's typed config is its stage's configuration: defined once in the stage, subclassed by the asset."""

import pydantic
import pytest

from feedback_loop.analytics.recommend import RecommendationSpec
from feedback_loop.analytics.safety import SafetySpec
from feedback_loop.curate import CurateSpec
from feedback_loop.defs.analytics import KpiDailyConfig, kpi_daily
from feedback_loop.defs.curate import (
    PreferenceDatasetConfig,
    SFTDatasetConfig,
    kto_dataset,
    preference_pairs,
    sft_dataset,
)
from feedback_loop.defs.evaluate import AdapterEvaluationConfig, adapter_evaluation
from feedback_loop.defs.ingest import RawTelemetryConfig, raw_telemetry
from feedback_loop.defs.label import AutoLabelerConfig, ReviewQueueConfig, auto_labeler, review_queue
from feedback_loop.defs.model import BaseModelConfig, base_model
from feedback_loop.defs.online import OnlineABTestConfig, online_ab_test
from feedback_loop.defs.prompts import PromptRecommendationsConfig, prompt_recommendations
from feedback_loop.defs.train import LoraAdapterConfig, lora_adapter
from feedback_loop.evaluate import ABSpec, EvalSpec
from feedback_loop.ingest import IngestSpec
from feedback_loop.label.learned import LabelerSpec
from feedback_loop.label.review import ReviewBudgetSpec
from feedback_loop.model import BaseModelSpec
from feedback_loop.stage_config import StageConfig
from feedback_loop.train import LoraSpec

# (asset, its Dagster config, the stage configuration it extends, the fields only the asset has, a bad value)
STAGE_CONFIGS = [
    (raw_telemetry, RawTelemetryConfig, IngestSpec, {"max_quarantine_fraction"}, {"first_timestamp_year": 2100}),
    (base_model, BaseModelConfig, BaseModelSpec, {"source_dir", "corpus_path"}, {"hidden_size": 30, "num_heads": 4}),
    (prompt_recommendations, PromptRecommendationsConfig, RecommendationSpec, {"lookback_days"}, {"alpha": 1.5}),
    (
        auto_labeler,
        AutoLabelerConfig,
        LabelerSpec,
        {"training_days", "min_holdout_auc", "offensive_lexicon", "refit_min_new_share"},
        {"char_ngram_min": 5, "char_ngram_max": 3},
    ),
    (lora_adapter, LoraAdapterConfig, LoraSpec, set(), {"r": 0}),
    (sft_dataset, SFTDatasetConfig, CurateSpec, set(), {"label_sources": ["oracle"]}),
    (preference_pairs, PreferenceDatasetConfig, CurateSpec, set(), {"eval_fraction": 1.0}),
    (kto_dataset, PreferenceDatasetConfig, CurateSpec, set(), {"min_confidence": 2.0}),
    (review_queue, ReviewQueueConfig, ReviewBudgetSpec, set(), {"max_safety_share": 1.5}),
    (adapter_evaluation, AdapterEvaluationConfig, EvalSpec, set(), {"confidence": 1.5}),
    (online_ab_test, OnlineABTestConfig, ABSpec, set(), {"max_days": 0}),
    (kpi_daily, KpiDailyConfig, SafetySpec, {"prices_file"}, {"max_flag_rate": 1.5}),
]


@pytest.mark.parametrize(("asset", "config_class", "spec_class", "own", "bad"), STAGE_CONFIGS)
def test_the_asset_config_extends_the_stage_config_and_defines_only_its_own_fields(
    asset, config_class, spec_class, own, bad
):
    assert issubclass(spec_class, StageConfig) and issubclass(config_class, spec_class)
    assert set(config_class.__annotations__) == own  # no stage field (or default) written again
    # What the launchpad shows comes from the stage's definition.
    schema = asset.op.config_schema.config_type.fields
    assert set(schema) == set(spec_class.model_fields) | own
    for name, field in spec_class.model_fields.items():
        assert schema[name].default_value == field.default, name
        assert schema[name].description == field.description and field.description, name
    # The stage's validation runs on the asset's config, and the stage gets its own fields back.
    with pytest.raises(pydantic.ValidationError):
        config_class(**bad)
    config = config_class()
    assert spec_class.of(config) == spec_class() and type(spec_class.of(config)) is spec_class
