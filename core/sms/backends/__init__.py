"""SMS backends: ``base`` is the interface, the rest are the short names in
``core.sms.BACKENDS``."""
