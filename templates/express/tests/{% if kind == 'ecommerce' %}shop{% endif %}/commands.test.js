// The shop's commands: start-up with a wrong payment provider, `make create-admin`,
// and the housekeeping of `make expire-orders`.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, test } from 'node:test';

import {
  KEEP_IDEMPOTENCY_KEYS_HOURS,
  KEEP_WEBHOOK_EVENTS_DAYS,
  purgeOldRecords,
} from '../../src/shop/orders/orders.service.js';
import { loadProvider } from '../../src/shop/payments/provider.js';
import { createCustomer, unique } from './factories.js';
import { useTestApp } from '../helpers.js';

const t = useTestApp();

/** Run a script of the project with this test file's database; { status, output }. */
function run(args, env = {}, input = '') {
  const result = spawnSync(process.execPath, args, {
    env: { ...process.env, ...env },
    input,
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: result.status, output: result.stdout + result.stderr };
}

describe('PAYMENT_PROVIDER', () => {
  test('when it names a module or class that does not exist, then loading it fails', async () => {
    await assert.rejects(loadProvider('no/such/provider.js:Provider'), /cannot load/);
    await assert.rejects(loadProvider('src/lib/config.js:NoSuchClass'), /no class named/);
    await assert.rejects(loadProvider('src/lib/errors.js:AppError'), /no charge\(\) method/);
  });

  test('when it is wrong, then the server refuses to start, with one clear line', () => {
    const { status, output } = run(['src/server.js'], {
      PAYMENT_PROVIDER: 'no/such/provider.js:Provider',
      PORT: '0',
    });
    assert.equal(status, 1);
    assert.match(output, /^PAYMENT_PROVIDER: cannot load no\/such\/provider\.js/);
  });
});

describe('make create-admin', () => {
  test('when the password comes from ADMIN_PASSWORD or a pipe, then the admin can sign in', async () => {
    for (const how of ['environment', 'pipe']) {
      const email = `${unique('admin')}@example.com`;
      const password = 'a-long-admin-password';
      const { status, output } =
        how === 'environment'
          ? run(['scripts/shop/create-admin.js', email], { ADMIN_PASSWORD: password })
          : run(['scripts/shop/create-admin.js', email], { ADMIN_PASSWORD: '' }, `${password}\n`);
      assert.equal(status, 0, output);
      const row = await t.db('users').where({ email }).first();
      assert.equal(row.role, 'admin', how);
    }
  });

  test('when a password is given on the command line, then it is refused', async () => {
    const email = `${unique('admin')}@example.com`;
    const { status, output } = run([
      'scripts/shop/create-admin.js',
      email,
      'Admin',
      'a-long-password',
    ]);
    assert.equal(status, 2);
    assert.match(output, /asks for the password/);
    assert.equal(await t.db('users').where({ email }).first(), undefined);
  });
});

describe('housekeeping', () => {
  test('when idempotency keys and webhook events are old, then they are deleted; recent ones stay', async () => {
    const alice = await createCustomer(t.app, 'Alice');
    const now = new Date();
    const hoursAgo = (hours) => new Date(now.getTime() - hours * 3_600_000);
    const oldKey = KEEP_IDEMPOTENCY_KEYS_HOURS + 1;
    const oldEvent = KEEP_WEBHOOK_EVENTS_DAYS * 24 + 1;
    await t.db('idempotency_keys').insert([
      { user_id: alice.id, key: 'old', fingerprint: 'f', created_at: hoursAgo(oldKey) },
      { user_id: alice.id, key: 'new', fingerprint: 'f', created_at: hoursAgo(1) },
    ]);
    await t.db('webhook_events').insert([
      { id: 'evt_old', type: 'payment.succeeded', received_at: hoursAgo(oldEvent) },
      { id: 'evt_new', type: 'payment.succeeded', received_at: hoursAgo(1) },
    ]);
    assert.deepEqual(await purgeOldRecords(now), { keys: 1, events: 1 });
    assert.deepEqual(await t.db('idempotency_keys').pluck('key'), ['new']);
    assert.deepEqual(await t.db('webhook_events').pluck('id'), ['evt_new']);
  });
});
