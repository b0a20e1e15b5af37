"""Platform metrics and the home page figure of support requests (being written)."""
