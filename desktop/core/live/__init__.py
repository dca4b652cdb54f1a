"""Pure logic of live (camera) mode: no Qt."""
