import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { ConfigError, DEVELOPMENT_SECRET, loadConfig } from '../src/lib/config.js';
import { sqliteFilename } from '../src/lib/db.js';

const LONG_SECRET = 'x'.repeat(48);

describe('loadConfig', () => {
  test('when nothing is set, then the development defaults are used', () => {
    const config = loadConfig({});
    assert.equal(config.appEnv, 'development');
    assert.equal(config.databaseUrl, 'sqlite:///./app.db');
    assert.equal(config.secretKey, DEVELOPMENT_SECRET);
    assert.equal(config.port, 8000);
    assert.deepEqual(config.corsOrigins, []);
  });

  test('when APP_ENV is production without SECRET_KEY, then it refuses, naming the key', () => {
    assert.throws(
      () => loadConfig({ APP_ENV: 'production' }),
      (error) => {
        assert.ok(error instanceof ConfigError);
        assert.match(error.message, /SECRET_KEY/);
        return true;
      },
    );
  });

  test('when APP_ENV is production with the development secret, then it refuses', () => {
    assert.throws(
      () => loadConfig({ APP_ENV: 'production', SECRET_KEY: DEVELOPMENT_SECRET }),
      /SECRET_KEY/,
    );
  });

  test('when APP_ENV is production with a short secret, then it refuses', () => {
    assert.throws(() => loadConfig({ APP_ENV: 'production', SECRET_KEY: 'short' }), /SECRET_KEY/);
  });

  test('when APP_ENV is production with a long secret, then it starts', () => {
    const config = loadConfig({ APP_ENV: 'production', SECRET_KEY: LONG_SECRET });
    assert.equal(config.isProduction, true);
    assert.equal(config.secretKey, LONG_SECRET);
  });

  test('when JWT_SECRET is set instead of SECRET_KEY, then it is used', () => {
    assert.equal(loadConfig({ JWT_SECRET: LONG_SECRET }).secretKey, LONG_SECRET);
  });

  test('when several settings are wrong, then the message names each of them', () => {
    assert.throws(
      () => loadConfig({ APP_ENV: 'staging', PORT: 'eighty', LOGIN_MAX_FAILURES: '-1' }),
      (error) => {
        for (const key of ['APP_ENV', 'PORT', 'LOGIN_MAX_FAILURES'])
          assert.match(error.message, new RegExp(key));
        return true;
      },
    );
  });

  test('when CORS_ORIGINS lists origins, then they are split and trimmed', () => {
    const config = loadConfig({ CORS_ORIGINS: 'http://a.example, http://b.example,' });
    assert.deepEqual(config.corsOrigins, ['http://a.example', 'http://b.example']);
  });
});

describe('sqliteFilename', () => {
  test('when given sqlite URLs and paths, then it finds the file', () => {
    assert.equal(sqliteFilename('sqlite:///./app.db'), './app.db');
    assert.equal(sqliteFilename('sqlite:////tmp/app.db'), '/tmp/app.db');
    assert.equal(sqliteFilename('sqlite://'), ':memory:');
    assert.equal(sqliteFilename('data/app.db'), 'data/app.db');
  });

  test('when given a PostgreSQL URL, then it is not SQLite', () => {
    assert.equal(sqliteFilename('postgresql://app:app@localhost:5432/app'), null);
    assert.equal(sqliteFilename('postgres://app:app@localhost/app'), null);
  });
});
