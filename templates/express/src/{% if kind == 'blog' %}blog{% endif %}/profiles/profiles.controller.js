import * as service from './profiles.service.js';

export async function get(req, res) {
  res.json({ profile: await service.getProfile(req.params.username, req.userId) });
}

export async function follow(req, res) {
  res.json({ profile: await service.follow(req.params.username, req.userId) });
}

export async function unfollow(req, res) {
  res.json({ profile: await service.unfollow(req.params.username, req.userId) });
}
