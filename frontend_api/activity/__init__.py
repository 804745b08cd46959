"""Activity API: the member's favorites, footprints and downloads, and document
downloads."""
