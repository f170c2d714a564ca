"""Imported by the local engine's fork server before it forks any worker: loads the Extractor once,
so that every worker starts with it (copy-on-write) instead of loading spaCy again.

Never raises: if loading fails here, each worker loads it in the pool initializer, where an error
reaches the run.
"""
try:
    from pipeline.engines.tasks import warm_up as _warm_up

    _warm_up()
except Exception:  # noqa: BLE001
    pass
