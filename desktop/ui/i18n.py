"""Chinese and English UI with Qt translations (resources/translations/lcdreader_zh_CN.qm).

The language follows the system locale unless the preferences say otherwise; switching at run
time installs another translator, Qt sends LanguageChange and every widget re-translates itself.
Sources are English; ``scripts/update_translations.sh`` runs lupdate / lrelease.
"""
from __future__ import annotations

import logging

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop.core.resources import resource_path

log = logging.getLogger(__name__)

# Qt's own dialogs are translated by Qt's qtbase_zh_CN.qm; the file dialog of Qt 6.12 asks for these two
# with a "&" that file lacks, so ours carries them (lupdate finds them here).
QT_STRINGS_QT_MISSES = (QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
                        QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"))

_installed: list[QTranslator] = []
_current = "en"


def resolve_language(pref: str) -> str:
    """'auto' follows the system locale: Chinese locales get zh_CN, everything else English."""
    if pref in ("en", "zh_CN"):
        return pref
    return "zh_CN" if QLocale.system().name().lower().startswith("zh") else "en"


def install_language(pref: str) -> str:
    """Install the translators for the preference; return the language now in use."""
    global _current
    app = QCoreApplication.instance()
    lang = resolve_language(pref)
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if lang != "en":
        ours = QTranslator(app)
        if ours.load(str(resource_path("translations", f"lcdreader_{lang}.qm"))):
            app.installTranslator(ours)
            _installed.append(ours)
        else:
            log.warning("translation %s not found; the UI stays in English", lang)
        qt = QTranslator(app)
        if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            _installed.append(qt)
    _current = lang
    QLocale.setDefault(QLocale(QLocale.Language.Chinese if lang == "zh_CN" else QLocale.Language.English))
    return lang


def current_language() -> str:
    return _current
