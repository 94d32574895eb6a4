"""`bench labeling-cost` refuses what it cannot measure (the measurement itself is `feedback-loop bench
labeling-cost`: it ingests days of traffic, too slow for the suite)."""

import pytest

from feedback_loop.labeling_cost import bench_labeling_cost


@pytest.mark.parametrize(("days", "interactions"), [(1, 100), (8, 0)])
def test_a_day_to_compare_and_interactions_are_needed(days, interactions):
    with pytest.raises(ValueError, match="days"):
        bench_labeling_cost(days, interactions, progress=lambda _: None)
