"""facilitator: build age-appropriate session packs for online-safety peer education."""

__version__ = "0.1.0"
