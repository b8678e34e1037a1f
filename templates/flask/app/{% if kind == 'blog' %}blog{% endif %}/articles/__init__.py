"""Articles, their tags and favourites."""
