"""Each asset's typed config maps one-to-one onto the stage spec it controls, with the same defaults."""

import dataclasses

import pytest

from feedback_loop.defs.evaluate import AdapterEvaluationConfig
from feedback_loop.defs.model import BaseModelConfig
from feedback_loop.defs.train import LoraAdapterConfig
from feedback_loop.evaluate import EvalSpec
from feedback_loop.model import BaseModelSpec
from feedback_loop.train import LoraSpec


@pytest.mark.parametrize(
    ("config_class", "spec_class", "extra"),
    [
        (BaseModelConfig, BaseModelSpec, {"source_dir", "corpus_path"}),
        (LoraAdapterConfig, LoraSpec, set()),
        (AdapterEvaluationConfig, EvalSpec, set()),
    ],
)
def test_config_fields_and_defaults_match_the_spec(config_class, spec_class, extra):
    spec_defaults = {f.name: f.default for f in dataclasses.fields(spec_class)}
    config = config_class().model_dump()
    assert set(config) - extra == set(spec_defaults)
    for name, default in spec_defaults.items():
        value = config[name]
        assert (tuple(value) if isinstance(value, list) else value) == default, name
