"""Errors derek raises; the CLI and the HTTP API translate them to messages at the edges."""


class DerekError(Exception):
    """Base class: a plain message that names the file, line or value at fault."""


class ReadError(DerekError):
    """A document could not be read or decoded (binary, truncated, wrong encoding, vanished)."""


class StoreError(DerekError):
    """The knowledge base file is missing, not a derek database, or could not be written."""


class QueryError(DerekError):
    """A query or request parameter is invalid (empty, too long, unknown name)."""


class NotFound(QueryError):
    """A name, id or document the knowledge base does not hold (HTTP 404 in the API)."""
