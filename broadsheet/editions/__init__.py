"""Print editions and the places where the paper is distributed."""
