"""Excel reports: the standard layout, appending, lab templates, safe writing."""
