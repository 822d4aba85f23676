"""Reader error reports, correction notes, the corrections log and its feed."""
