// HTTP in, HTTP out: take the validated input, call the service, send the answer.
// req.userId is the caller (null when anonymous): it decides each profile's `following`.
import * as service from './users.service.js';

export async function search(req, res) {
  res.json(await service.searchProfiles(req.valid.query, req.userId));
}

export async function get(req, res) {
  res.json(await service.getProfile(req.valid.params.username, req.userId));
}

export async function updateMe(req, res) {
  res.json(await service.updateProfile(req.userId, req.valid.body));
}

export async function follow(req, res) {
  res.json(await service.follow(req.userId, req.valid.params.username));
}

export async function unfollow(req, res) {
  res.json(await service.unfollow(req.userId, req.valid.params.username));
}

export async function followers(req, res) {
  const { params, query } = req.valid;
  res.json(await service.listFollowers(params.username, query, req.userId));
}

export async function following(req, res) {
  const { params, query } = req.valid;
  res.json(await service.listFollowing(params.username, query, req.userId));
}
