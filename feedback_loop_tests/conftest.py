"""Session-wide test setup: offline Hugging Face, and small shared fixtures built once."""

import os

# Set before anything imports transformers or datasets: there is no model hub here.
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["HF_DATASETS_OFFLINE"] = "1"
