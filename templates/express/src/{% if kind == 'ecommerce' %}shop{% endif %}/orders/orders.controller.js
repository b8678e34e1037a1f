// HTTP in, HTTP out: take the validated input, call the service, send the answer.
import { respondOnce } from './idempotency.js';
import * as service from './orders.service.js';

/** Middleware: cancel the unpaid orders past their hold before any order is read or changed. */
export async function expireOverdue(req, res, next) {
  await service.expireOverdueOrders();
  next();
}

export function checkout(req, res) {
  return respondOnce(req, res, 201, () =>
    service.checkout(req.user, req.valid.body.shipping_address),
  );
}

export async function list(req, res) {
  res.json(await service.listOrders(req.user, req.valid.query));
}

export async function get(req, res) {
  res.json(await service.getOrder(req.user, req.valid.params.id));
}

export function pay(req, res) {
  return respondOnce(req, res, 200, () =>
    service.pay(req.user, req.valid.params.id, {
      paymentToken: req.valid.body.payment_token,
      // The provider gets the key too, scoped to this user: its own guard against a retry.
      idempotencyKey: `user-${req.user.id}-${req.idempotencyKey}`,
    }),
  );
}

export async function cancel(req, res) {
  res.json(await service.cancel(req.user, req.valid.params.id));
}

export async function ship(req, res) {
  res.json(await service.ship(req.user, req.valid.params.id));
}
