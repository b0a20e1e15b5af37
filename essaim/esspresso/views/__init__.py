"""ESSpresso's pages, one module per behaviour; `urls.py` imports the modules."""
