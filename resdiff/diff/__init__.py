"""The word diff: tokens and the one diff of two clause texts that every face shows.

``tokens`` splits and keys; ``engine`` is the only module that imports diff-match-patch;
``cleanup`` holds the named passes; ``words`` puts them together. Everything else imports
from here.
"""

from resdiff.diff.tokens import CJK, token_key, tokenize
from resdiff.diff.words import diff_texts

__all__ = ["CJK", "diff_texts", "token_key", "tokenize"]
