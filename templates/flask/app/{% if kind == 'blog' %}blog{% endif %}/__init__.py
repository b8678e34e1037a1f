"""The blogging platform: accounts, profiles, articles and comments (the RealWorld API)."""
