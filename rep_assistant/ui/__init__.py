"""The review desk: a thin PySide6 window over rep_assistant.core (the only place Qt is imported).

Layout: ``app.py`` boots the QApplication, ``main_window.py`` holds the menus and panels,
``models/`` are Qt models over store ids, ``views/`` the widgets and dialogs, ``workers/`` the
single thread that owns store writes and long operations.
"""
