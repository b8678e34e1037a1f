// Settings, read once from the environment and validated at startup.
//
// This is the only module that reads process.env: everything else imports `config`.
// A bad or missing setting stops the app with one clear message, before it serves
// anything ("fail fast"), instead of a crash at the first request that needs it.
import { existsSync } from 'node:fs';
import { z } from 'zod';

// Signs tokens during development only: the app refuses it when APP_ENV=production.
export const DEVELOPMENT_SECRET = 'development-only-secret-change-me-in-production';

const integer = (fallback) => z.coerce.number().int().positive().default(fallback);

const schema = z
  .object({
    APP_ENV: z.enum(['development', 'production', 'test']).default('development'),
    DATABASE_URL: z.string().trim().min(1).default('sqlite:///./app.db'),
    // JWT_SECRET is accepted as another name for SECRET_KEY.
    SECRET_KEY: z.string().optional(),
    JWT_SECRET: z.string().optional(),
    ACCESS_TOKEN_EXPIRE_MINUTES: integer(1440),
    CORS_ORIGINS: z.string().default(''),
    LOGIN_MAX_FAILURES: integer(5),
    LOGIN_WINDOW_SECONDS: integer(900),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
    HOST: z.string().default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65535).default(8000),
  })
  .superRefine((env, ctx) => {
    const secret = env.SECRET_KEY || env.JWT_SECRET;
    if (env.APP_ENV === 'production' && (!secret || secret === DEVELOPMENT_SECRET)) {
      ctx.addIssue({
        code: 'custom',
        path: ['SECRET_KEY'],
        message: 'must be set to a long random value when APP_ENV=production',
      });
    } else if (env.APP_ENV === 'production' && secret.length < 32) {
      ctx.addIssue({
        code: 'custom',
        path: ['SECRET_KEY'],
        message: 'must be at least 32 characters long in production',
      });
    }
  });

/** A setting that is missing or wrong; its message names every bad key. */
export class ConfigError extends Error {}

/** Validate `env` (process.env by default) and return the typed settings. */
export function loadConfig(env = process.env) {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  const settings = parsed.data;
  return Object.freeze({
    appEnv: settings.APP_ENV,
    isProduction: settings.APP_ENV === 'production',
    databaseUrl: settings.DATABASE_URL,
    secretKey: settings.SECRET_KEY || settings.JWT_SECRET || DEVELOPMENT_SECRET,
    accessTokenExpireMinutes: settings.ACCESS_TOKEN_EXPIRE_MINUTES,
    corsOrigins: settings.CORS_ORIGINS.split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    loginMaxFailures: settings.LOGIN_MAX_FAILURES,
    loginWindowSeconds: settings.LOGIN_WINDOW_SECONDS,
    logLevel: settings.LOG_LEVEL ?? (settings.APP_ENV === 'test' ? 'silent' : 'info'),
    // bcrypt's cost: each +1 doubles the work. The tests use the minimum to stay fast.
    passwordHashRounds: settings.APP_ENV === 'test' ? 4 : 10,
    host: settings.HOST,
    port: settings.PORT,
  });
}

function readConfig() {
  // A local .env file fills in what the real environment does not set (never in tests:
  // node's test runner sets NODE_TEST_CONTEXT, and tests choose their own settings).
  if (!process.env.NODE_TEST_CONTEXT && existsSync('.env')) {
    process.loadEnvFile('.env');
  }
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

export const config = readConfig();
