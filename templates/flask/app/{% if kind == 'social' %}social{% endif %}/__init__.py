"""The social network: accounts, profiles and follows, posts, comments, feed, notifications."""
