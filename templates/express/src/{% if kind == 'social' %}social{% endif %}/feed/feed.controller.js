import * as service from './feed.service.js';

export async function read(req, res) {
  res.json(await service.homeFeed(req.userId, req.valid.query));
}
