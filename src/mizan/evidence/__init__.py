"""Evidence locker: immutable, encrypted, content-addressed originals (DESIGN.md decision 8).

``mizan.evidence.store`` is plain Python with no Django import: the object store that holds each
original encrypted at rest under the SHA-256 of its content. The Django app (models, custody
events, services) is built on top of it later.
"""
