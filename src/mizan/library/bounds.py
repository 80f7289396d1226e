"""Limits of the library search, apart so the quality benchmark can use them without Django."""

# At most this many matches are ranked and counted. When more documents match a query (a word
# in most documents, such as «الأمم» or "rights"), the most recently added RANKED_MATCHES of them
# are ranked by relevance and the page says "more than RANKED_MATCHES"; the pages reach this
# many results (25 pages), and a filter or another word narrows the search. See
# ``mizan.library.search._ranked_ids`` and bench/README.md (issue 6) for why.
RANKED_MATCHES = 500
