"""Dialogs: settings, search, about."""
