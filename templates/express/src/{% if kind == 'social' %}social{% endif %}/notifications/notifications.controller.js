// HTTP in, HTTP out: take the validated input, call the service, send the answer.
import * as service from './notifications.service.js';

export async function list(req, res) {
  res.json(await service.listNotifications(req.userId, req.valid.query));
}

export async function markRead(req, res) {
  await service.markRead(req.userId, req.valid.body);
  res.status(204).end();
}
