"""Pure text processing: article text in, dataclasses out. Nothing here touches the database."""
