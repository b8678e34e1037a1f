// `make expire-orders`: cancel the orders left unpaid longer than ORDER_HOLD_MINUTES and
// put their stock back, and delete the idempotency keys and webhook event ids too old to
// matter (src/shop/orders/orders.service.js says how old). Meant for a scheduler
// (cron, a Kubernetes CronJob, your host's scheduled tasks), e.g. every few minutes.
// Overdue orders are also expired when orders are read or changed: a quick read finds
// none, as usual, and writes nothing.
import { expireOverdueOrders, purgeOldRecords } from '../../src/shop/orders/orders.service.js';
import { db } from '../../src/lib/db.js';

try {
  console.log(`Expired ${await expireOverdueOrders()} unpaid orders.`);
  const { keys, events } = await purgeOldRecords();
  console.log(`Deleted ${keys} old idempotency keys and ${events} old webhook event ids.`);
} finally {
  await db.destroy();
}
