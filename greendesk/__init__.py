"""GreenDesk: green-finance loan origination for Chinese bank branches."""

__version__ = "0.1.0"
