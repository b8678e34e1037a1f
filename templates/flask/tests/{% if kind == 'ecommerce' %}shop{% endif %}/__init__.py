"""The shop API, endpoint by endpoint."""
