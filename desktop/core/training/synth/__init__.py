"""Synthetic instrument screens for training det and rec (no Qt, no font files for the digits).

segments: seven / fourteen-segment and dot-matrix glyphs.  looks: display palettes.
fonts: system CJK / Latin fonts for printed labels.  text_sources: keys, units, values.
screen: compose a screen and its ground-truth regions.  scenarios: random screen specs.
photo: phone-photo degradation.  dataset: PaddleOCR det / rec label files.
"""
