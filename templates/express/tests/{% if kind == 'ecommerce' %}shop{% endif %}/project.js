// This API as the shared tests (tests/*.test.js) call it: how one registers, signs in and
// reads one's account, which URLs end with a number, and what production requires.
import request from 'supertest';

import { PASSWORD } from './factories.js';

export const REGISTER_PATH = '/api/auth/register';
export const CURRENT_USER_PATH = '/api/auth/me';

/** The registration body for { username, email, password }: its username is the account's name. */
export const registration = ({ username, ...fields }) => ({ ...fields, name: username });

/** Register `name` (e-mail name@example.com, password PASSWORD); the response, unchecked. */
export const signUp = (app, name) =>
  request(app)
    .post(REGISTER_PATH)
    .send(registration({ username: name, email: `${name}@example.com`, password: PASSWORD }));

/** Sign in; the response, unchecked. */
export const signIn = (app, email, password) =>
  request(app).post('/api/auth/login').send({ email, password });

/** The token of a sign-up or sign-in response. */
export const tokenOf = (response) => response.body.token;

/** URLs that end where a number goes (a query value or an id). */
export const NUMBER_URLS = ['/api/products?max_price=', '/api/products?page=', '/api/products/'];

/** The settings production requires besides the shared ones (SECRET_KEY). */
export const PRODUCTION_SETTINGS = { PAYMENT_WEBHOOK_SECRET: 'a-webhook-secret-from-the-provider' };
