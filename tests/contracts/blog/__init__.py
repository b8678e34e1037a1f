"""The blog's black-box contract suite: what RealWorld's own Postman suite leaves out."""
