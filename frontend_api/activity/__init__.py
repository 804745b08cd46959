"""The member's activity: favorites, footprints, downloads, procurement requests."""
