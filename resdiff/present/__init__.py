"""Presentation shared by the reports and the app: what a person is shown, decided once."""
