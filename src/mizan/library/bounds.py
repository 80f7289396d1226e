"""Limits of the library search, apart so the quality benchmark can use them without Django."""

# At most this many matches are ranked and counted by the full score. When more documents match
# a query (a word in most documents, such as «الأمم» or "rights"), the most recently added
# RANKED_MATCHES of them are ranked by relevance and the page says "more than RANKED_MATCHES";
# a filter or another word narrows the search. See ``mizan.library.search._ranked_ids`` and
# bench/README.md (issue 6) for why.
RANKED_MATCHES = 500

# ... but the documents whose *title* matches the query are always candidates, whatever their
# age (the curated catalogue of key texts is seeded first, so it has the oldest ids): when more
# than RANKED_MATCHES documents match, the title matches come first, ranked by their title
# alone — all of them, or the most recently added TITLE_MATCHES when there are more.
TITLE_MATCHES = 2000

# ... and the documents holding the query's words as typed (or, for a nisba word, a word
# beginning with its stem and ي) are candidates too: when the window holds fewer than
# RANKED_MATCHES // EXACT_SHARE of them (50), the newest that many among the next
# RANKED_MATCHES * EXACT_REACH older matches (1,000) are ranked with it. A word whose stem is
# shared by many newer documents (اتفاقية among 1,200 documents holding اتفاق-words) thus still
# finds an older document that holds it as typed; a word common as typed reads nothing more.
EXACT_SHARE = 10
EXACT_REACH = 2
