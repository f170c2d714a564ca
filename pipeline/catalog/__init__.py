"""The catalog: what the corpus as a whole says about each model, built from the per-article
tables of an output folder (catalog.csv, catalog_facts.csv, claims_graph.csv).

``keys`` merges spellings across articles; ``tables`` reads the per-article CSVs with pandas;
``build`` ranks values, finds conflicts and aggregates claims."""
from pipeline.catalog.build import Catalog, build_catalog
from pipeline.catalog.keys import display_name, model_key
from pipeline.catalog.tables import MissingOutputs, Tables, read_tables

__all__ = ["Catalog", "MissingOutputs", "Tables", "build_catalog", "display_name", "model_key", "read_tables"]
