"""The base model: a small causal LM built offline from the project's corpus, or any local HF model."""

import gc
import json
from pathlib import Path

import dagster as dg

from feedback_loop.defs.execution import TRAIN_OP_TAGS
from feedback_loop.defs.resources import DataRoot, TorchThreads, on_working_copy
from feedback_loop.model.base import BaseModelSpec
from feedback_loop.model.pretraining_corpus import PACKAGED_CORPUS, corpus_digest, read_corpus
from feedback_loop.progress import ProgressLog


class BaseModelConfig(dg.Config, BaseModelSpec):
    """The recipe of the built base model (`BaseModelSpec`, where each field is defined), and where it comes from."""

    source_dir: str | None = None
    """A local Hugging Face causal LM directory to use as the base instead of building one."""
    corpus_path: str = str(PACKAGED_CORPUS)
    """Pretraining corpus for the built model (one document per line, see `pretraining_corpus`)."""


@dg.asset(group_name="training", op_tags=TRAIN_OP_TAGS, kinds={"pytorch", "huggingface"})
@on_working_copy
def base_model(
    context: dg.AssetExecutionContext, config: BaseModelConfig, data_root: DataRoot, torch_threads: TorchThreads
) -> dg.Output[dict]:
    """The causal LM that adapters are trained on, in Hugging Face format under `models/base`.

    With `source_dir` set, that local model directory is used as it is (nothing is downloaded). Otherwise a
    tokenizer is trained on the corpus and a small Llama-style model is pre-trained on it; a model already
    built from the same corpus and settings is reused, so re-materializing is cheap and gives the same weights.
    """
    from feedback_loop.model import build_base_model

    if config.source_dir:
        path = Path(config.source_dir).expanduser().resolve()
        if not (path / "config.json").exists():
            raise FileNotFoundError(
                f"base_model.source_dir {path} is not a Hugging Face model directory (no config.json)"
            )
        return _manifest(path, built=False, source="local directory")

    spec = BaseModelSpec.of(config)
    corpus = read_corpus(config.corpus_path)
    recipe = {"spec": spec.model_dump(), "corpus_digest": corpus_digest(corpus)}
    out_dir = data_root.layout.base_model
    recipe_file = out_dir / "recipe.json"
    if recipe_file.exists() and json.loads(recipe_file.read_text()) == recipe:
        metadata = json.loads((out_dir / "base_model_metadata.json").read_text())
        context.log.info(f"reusing the base model in {out_dir}, built from the same corpus and settings")
        reused = True
    else:
        # A SIGTERM whose handler runs inside a garbage collector's callback is lost (Python ignores exceptions
        # raised there, Dagster's interruption included): collect what the run's start left before the long loop.
        gc.collect()
        context.log.info(f"pre-training the base model on {torch_threads.apply()} torch threads")
        progress = ProgressLog("pre-training the base model", context.log.info)
        metadata = build_base_model(corpus, out_dir, spec, progress=progress)
        recipe_file.write_text(json.dumps(recipe, indent=2, sort_keys=True))
        reused = False
    return _manifest(
        out_dir,
        built=True,
        reused=reused,
        corpus_documents=len(corpus),
        parameters=metadata.get("parameters"),
        final_pretrain_loss=metadata.get("final_loss"),
    )


def _manifest(path: Path, *, built: bool, **metadata) -> dg.Output[dict]:
    """The model at ``path`` as the manifest later assets read, with its fingerprint; ``metadata`` for the UI."""
    from feedback_loop.model import model_fingerprint

    fingerprint = model_fingerprint(path)
    return dg.Output(
        {"path": str(path), "fingerprint": fingerprint, "built": built},
        metadata={"path": dg.MetadataValue.path(str(path)), "fingerprint": fingerprint, **metadata},
    )
