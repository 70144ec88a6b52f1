"""Word lists the readers use to rebuild paragraphs from printed lines."""
