"""Demo strategies (filled in below once the demo files exist)."""
