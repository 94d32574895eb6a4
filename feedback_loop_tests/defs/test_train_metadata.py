"""The LoRA loss curve reaches the UI as observations it plots, not as a JSON blob."""

import itertools

import dagster as dg

from feedback_loop.defs.train import loss_curve_observations

KEY = dg.AssetKey("lora_adapter")


def test_a_long_curve_is_thinned_to_evenly_spread_steps_with_the_first_and_the_last():
    curve = [10.0 / (step + 1) for step in range(1000)]
    observations = loss_curve_observations(KEY, "v1", curve, points=100)
    steps = [o.metadata["step"].value for o in observations]
    assert len(steps) == 100 and steps[0] == 1 and steps[-1] == 1000 and steps == sorted(steps)
    assert {b - a for a, b in itertools.pairwise(steps)} <= {10, 11}
    # Numeric metadata is what the asset's Plots tab draws.
    assert all(isinstance(o.metadata["train_loss"], dg.FloatMetadataValue) for o in observations)
    assert [o.metadata["train_loss"].value for o in observations] == [curve[s - 1] for s in steps]
    assert {o.asset_key for o in observations} == {KEY} and {
        o.metadata["adapter_version"].value for o in observations
    } == {"v1"}


def test_a_short_curve_keeps_every_step_and_an_empty_one_logs_nothing():
    assert [o.metadata["step"].value for o in loss_curve_observations(KEY, "v1", [3.0, 2.0, 1.5])] == [1, 2, 3]
    assert [o.metadata["step"].value for o in loss_curve_observations(KEY, "v1", [3.0])] == [1]
    assert loss_curve_observations(KEY, "v1", []) == []
