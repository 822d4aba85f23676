"""The shared feed base (RSS, Atom, JSON Feed); concrete feeds live in their app's feeds.py.

See README.md for how to write a feed on it.
"""
