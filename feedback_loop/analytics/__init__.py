"""Analytics over the warehouse for the people who watch the loop (plain Python, no Dagster)."""
