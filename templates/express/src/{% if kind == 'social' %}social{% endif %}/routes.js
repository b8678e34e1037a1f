// The social network's endpoints, component by component (src/api.js mounts them under /api).
import { Router } from 'express';

import { optionalAuth } from '../lib/auth.js';
import { jsonBody } from '../lib/body.js';
import { refuseUnknownUser } from './accounts/accounts.middleware.js';
import { accountsRouter } from './accounts/accounts.routes.js';
import { commentsRouter } from './comments/comments.routes.js';
import { feedRouter } from './feed/feed.routes.js';
import { notificationsRouter } from './notifications/notifications.routes.js';
import { postsRouter } from './posts/posts.routes.js';
import { usersRouter } from './users/users.routes.js';

export const socialRouter = Router()
  .use(jsonBody)
  // A bad or expired token is a 401 everywhere, even where signing in is optional:
  // treating the caller as anonymous would hide an expired session from the front end.
  .use(optionalAuth, refuseUnknownUser)
  .use(accountsRouter)
  .use(usersRouter)
  .use(postsRouter)
  .use(commentsRouter)
  .use(feedRouter)
  .use(notificationsRouter);
