// HTTP in, HTTP out: take the validated input, call the service, send the answer.
import * as service from './accounts.service.js';

export async function register(req, res) {
  res.status(201).json(await service.register(req.valid.body));
}

export async function login(req, res) {
  // req.ip: the socket's address, or the client a trusted proxy names (TRUSTED_PROXIES).
  res.json(await service.login(req.valid.body, req.ip));
}

export function me(req, res) {
  res.json({ user: service.toPublicUser(req.user) });
}
