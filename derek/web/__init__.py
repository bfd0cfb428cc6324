"""derek over HTTP: the JSON API and the pages (``derek serve``)."""
