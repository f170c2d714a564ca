"""Recognisers: spaCy components that find mentions in a Doc and store them as frozen records.

Each component reads ``doc.text`` (and what earlier components stored) and writes one Doc
extension attribute; the link stage reads those to build facts and claims.
"""
