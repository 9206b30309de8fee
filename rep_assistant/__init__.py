"""Rep Assistant: an offline moderation assistant for school class WhatsApp groups."""

__version__ = "0.1.0"
APP_NAME = "Rep Assistant"
#: One id names the .desktop file, the AppStream metainfo, setDesktopFileName and the data dirs.
APP_ID = "org.repassistant.RepAssistant"
