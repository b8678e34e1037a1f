// The blog's endpoints, component by component (src/api.js mounts them under /api).
import { Router } from 'express';

import { optionalAuth } from '../lib/auth.js';
import { jsonBody } from '../lib/body.js';
import { refuseUnknownUser } from './accounts/accounts.middleware.js';
import { accountsRouter } from './accounts/accounts.routes.js';
import { articlesRouter } from './articles/articles.routes.js';
import { commentsRouter } from './comments/comments.routes.js';
import { profilesRouter } from './profiles/profiles.routes.js';
import { tagsRouter } from './tags/tags.routes.js';

export const blogRouter = Router()
  .use(jsonBody)
  // A bad or expired token is a 401 everywhere, and so is the token of an account
  // that no longer exists.
  .use(optionalAuth, refuseUnknownUser)
  .use(accountsRouter)
  .use(profilesRouter)
  .use(articlesRouter)
  .use(commentsRouter)
  .use(tagsRouter);
