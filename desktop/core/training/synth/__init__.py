"""Synthetic instrument screens for training det and rec (no Qt, no font files for the digits).

segments: seven / fourteen-segment and dot-matrix glyphs.  looks: display palettes.
fonts: system CJK / Latin fonts for printed labels.  text_sources: keys, units, values.
screen: compose a screen and its ground-truth regions.  scenarios: random screen specs.
photo: phone-photo degradation.  dataset: PaddleOCR det / rec label files.
scenes: the named looks below.  panel: draw a front panel item by item.  compose: a whole phone photo.
printing: camera stamps, case printing, paper sheets.  case_parts: case colours, buttons, printed rows.

Scenes (looks), each selectable by name: ``make_screen(seed, looks=[...])``,
``generate_dataset(..., looks=[...])``; by default a mix (share in brackets):
- ``classic`` (45 %): the display fills most of the frame; rows of key / segment value / unit
  (scenarios.random_spec), LCD / LED / VFD / e-paper palettes.
- ``thin_lcd`` (12 %): insulation tester, thin widely spaced segments 10-20 % of the photo height on a
  grey-green reflective LCD, the unit small at the lower right (``2720`` + ``MΩ``), LOCK / EARTH on the glass,
  range legends, maker, model and button labels on the case.
- ``backlit_lcd`` (11 %): a backlit blue-white LCD (or white on blue) in a plastic case, with range legends
  (``125V 250V 500V``), maker and model (``HIOKI``, ``MA302``) and button labels (``0 ADJ LIGHT COMP``).
- ``led_panel`` (11 %): a red (sometimes green / amber) LED panel meter with its unlit ghost 8s, the
  unit / mode legend below (``ARMS`` -> reading unit ``A``) and a maker / model plate above; or a timer
  (``00.13``) with a small second digit and ``OMRON DH48S`` printed below.
- ``hmi_table`` (10 %): a touch screen: title bar, subtitle, English column heads (``R-RES Y-RES B-RES``)
  over a row of small values (~19x8 px in a 508x381 photo), sometimes a units row, PRINT / SAVE / ... buttons.
- ``clock_lcd`` (11 %): clock / thermo-hygrometer whose big digits fill half the glass (``7:34`` or ``25.0``
  with ``℃``), PM / ALarm on the glass, TEMPERATURE / CLOCK/HUMIDITY / HTC-1 on the case; the time is drawn
  but is no expected reading (temperature and humidity are).
All but ``classic`` are whole phone photos (508x381 mostly, up to 1016x762): the front panel takes part of
the frame on a desk or control panel, sometimes a printed test sheet beside it, and most carry a camera
app's stamp in a corner (``Jun 14, 2024 12:27:20 PM`` / ``Index number: 101``, ``14/06/2024 12:27``,
``2024-06-14 12:27:20``, ``2024年6月14日``, GPS lines).

Labels: every drawn text is a Region with its transcription and kind (screen.KINDS). Regions of an expected
reading carry its index (``Region.reading``) in ``SyntheticScreen.readings`` (key, value, unit as a
technician writes them down); ``overlay`` / ``case`` / ``paper`` regions are clutter, never readings.
``SyntheticScreen.partial_regions()`` is what a technician boxes (values, units, mode words).
Image ``i`` of a dataset depends only on (seed, i).
"""
