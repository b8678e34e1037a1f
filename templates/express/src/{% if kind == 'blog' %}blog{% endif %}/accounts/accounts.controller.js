// HTTP in, HTTP out: take the validated input, call the service, send the answer.
import * as service from './accounts.service.js';

export async function register(req, res) {
  res.status(201).json({ user: await service.register(req.valid.body.user) });
}

export async function login(req, res) {
  res.json({ user: await service.login(req.valid.body.user, req.ip) });
}

export async function current(req, res) {
  res.json({ user: await service.currentUser(req.userId) });
}

export async function update(req, res) {
  res.json({ user: await service.updateUser(req.userId, req.valid.body.user) });
}
