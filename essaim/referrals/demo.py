"""The demo network of partners and its requests (being written)."""
