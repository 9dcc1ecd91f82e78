"""kzclaims: compare what several outlets report about the same event."""
