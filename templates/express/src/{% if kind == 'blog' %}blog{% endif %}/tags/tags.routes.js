// GET /api/tags. So small that the route calls the repository itself: no rules to apply.
import { Router } from 'express';

import { allTags } from './tags.repository.js';

export const tagsRouter = Router().get('/tags', async (req, res) => {
  res.json({ tags: await allTags() });
});
