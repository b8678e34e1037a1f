// What comments accept: a body of at most 1000 characters (the rule posts use too).
import { z } from 'zod';

import { recordId } from '../pagination.js';
import { bodyText } from '../posts/posts.schemas.js';

export const COMMENT_MAX_LENGTH = 1000;

export const createSchema = z.object({ body: bodyText(COMMENT_MAX_LENGTH) });

export const commentParamsSchema = z.object({ id: recordId });
