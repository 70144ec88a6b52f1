"""The word diff: tokens and the one diff of two clause texts that every face shows.

``words`` is the only module that imports diff-match-patch; everything else imports
from here.
"""

from resdiff.diff.words import CJK, diff_texts, token_key, tokenize

__all__ = ["CJK", "diff_texts", "token_key", "tokenize"]
