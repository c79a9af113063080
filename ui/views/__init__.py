"""Widgets that show the models: the indicator table, the project form, docks."""
