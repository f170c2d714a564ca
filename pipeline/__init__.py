"""Fact extraction from French tech news: AI models, their figures, and benchmark claims."""

__version__ = "0.1.0"
