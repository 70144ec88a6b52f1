"""Widgets of the main screen: they lay out view-model values and post messages up."""
