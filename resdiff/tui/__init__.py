"""The interactive terminal app (Textual). Nothing outside this package imports it,
except ``cli`` when the app is asked for."""
