"""The base model: a small causal LM built offline from the project's corpus, or any local HF model."""

import json
from pathlib import Path

import dagster as dg

from feedback_loop.defs.resources import DataRoot
from feedback_loop.model.pretraining_corpus import PACKAGED_CORPUS, corpus_digest, read_corpus


class BaseModelConfig(dg.Config):
    source_dir: str | None = None
    """A local Hugging Face causal LM directory to use as the base instead of building one."""
    corpus_path: str = str(PACKAGED_CORPUS)
    """Pretraining corpus for the built model (one document per line, see `pretraining_corpus`)."""
    vocab_size: int = 2048
    hidden_size: int = 128
    num_layers: int = 4
    num_heads: int = 4
    intermediate_size: int = 512
    max_length: int = 256
    pretrain_steps: int = 200
    pretrain_batch_size: int = 8
    learning_rate: float = 3e-3
    seed: int = 0
    log_every: int = 10
    device: str = "auto"
    """'auto' pre-trains on CUDA in bf16 when a GPU is present, else on the CPU in fp32."""


@dg.asset(group_name="training", kinds={"pytorch", "huggingface"})
def base_model(context: dg.AssetExecutionContext, config: BaseModelConfig, data_root: DataRoot) -> dg.Output[dict]:
    """The causal LM that adapters are trained on, in Hugging Face format under `models/base`.

    With `source_dir` set, that local model directory is used as it is (nothing is downloaded). Otherwise a
    tokenizer is trained on the corpus and a small Llama-style model is pre-trained on it; a model already
    built from the same corpus and settings is reused, so re-materializing is cheap and gives the same weights.
    """
    from feedback_loop.model import BaseModelSpec, build_base_model, model_fingerprint

    if config.source_dir:
        path = Path(config.source_dir).expanduser().resolve()
        if not (path / "config.json").exists():
            raise FileNotFoundError(
                f"base_model.source_dir {path} is not a Hugging Face model directory (no config.json)"
            )
        fingerprint = model_fingerprint(path)
        return dg.Output(
            {"path": str(path), "fingerprint": fingerprint, "built": False},
            metadata={
                "path": dg.MetadataValue.path(str(path)),
                "fingerprint": fingerprint,
                "source": "local directory",
            },
        )

    spec_fields = config.model_dump(exclude={"source_dir", "corpus_path"})
    spec = BaseModelSpec(**spec_fields)
    corpus = read_corpus(config.corpus_path)
    recipe = {"spec": spec_fields, "corpus_digest": corpus_digest(corpus)}
    out_dir = data_root.layout.base_model
    recipe_file = out_dir / "recipe.json"
    if recipe_file.exists() and json.loads(recipe_file.read_text()) == recipe:
        metadata = json.loads((out_dir / "base_model_metadata.json").read_text())
        context.log.info(f"reusing the base model in {out_dir}, built from the same corpus and settings")
        reused = True
    else:
        metadata = build_base_model(corpus, out_dir, spec)
        recipe_file.write_text(json.dumps(recipe, indent=2, sort_keys=True))
        reused = False
    fingerprint = model_fingerprint(out_dir)
    return dg.Output(
        {"path": str(out_dir), "fingerprint": fingerprint, "built": True},
        metadata={
            "path": dg.MetadataValue.path(str(out_dir)),
            "fingerprint": fingerprint,
            "reused": reused,
            "corpus_documents": len(corpus),
            "parameters": metadata.get("parameters"),
            "final_pretrain_loss": metadata.get("final_loss"),
        },
    )
