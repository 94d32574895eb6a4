"""The one definition of a stage's configuration, shared by the stage's Python API and its Dagster asset.

A stage's configuration is a pydantic model in the stage's own module, subclassing :class:`StageConfig`: its
fields, defaults, constraints (``Field(ge=1)``), cross-field rules (``model_validator``) and the attribute
docstrings that document them are written there once. The asset's Dagster config subclasses it, adding only
what the asset itself needs (a source path, a look-back window), and hands the stage its part with
:meth:`StageConfig.of`::

    # feedback_loop/model/base.py (plain Python, no Dagster)
    class BaseModelSpec(StageConfig):
        hidden_size: int = Field(128, ge=1)
        \"\"\"Width of the model.\"\"\"

    # feedback_loop/defs/model.py (the Dagster layer)
    class BaseModelConfig(dg.Config, BaseModelSpec):
        source_dir: str | None = None
        \"\"\"A local model directory to use instead of building one.\"\"\"

    def base_model(config: BaseModelConfig, ...):
        build_base_model(corpus, out_dir, BaseModelSpec.of(config))

``dg.Config`` is itself a pydantic model: Dagster reads the inherited fields, defaults and docstrings into the
run config schema (the launchpad shows them), and pydantic runs the stage's validation when a run starts, so a
bad value fails the run naming the field. The run config stays flat (``{config: {hidden_size: 64}}``).
"""

from __future__ import annotations

from typing import Self

from pydantic import BaseModel, ConfigDict


class StageConfig(BaseModel):
    """Base of every stage's configuration: immutable, unknown fields refused, documented by field docstrings."""

    model_config = ConfigDict(frozen=True, extra="forbid", use_attribute_docstrings=True)

    @classmethod
    def of(cls, config: BaseModel) -> Self:
        """This stage's fields of ``config`` (an asset's config that subclasses this class and adds its own)."""
        return cls.model_validate(config.model_dump(include=set(cls.model_fields)))
