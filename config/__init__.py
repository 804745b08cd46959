"""The project's wiring: settings (``config.settings.base``, ``dev``, ``test``,
``production``), URLs, WSGI/ASGI entry points and the site-wide response-header
middleware. Not a Django app; it sits above every app and nothing imports it."""
