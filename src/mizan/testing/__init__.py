"""Support for Mizan's own test suite (loaded by pytest through ``-p mizan.testing.plugin``)."""
