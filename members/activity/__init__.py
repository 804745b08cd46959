"""Activity: what a member does with the catalogue — favorites (我的收藏), footprints
(我的足迹) and document downloads (who may download, and the record of it)."""
