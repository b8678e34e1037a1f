// Profiles: the public face of a user, and following.
import { AppError } from '../../lib/errors.js';
import * as accounts from '../accounts/accounts.repository.js';
import * as follows from './profiles.repository.js';

/** A user as others see it: no e-mail, no password hash; `following` is the viewer's flag. */
export function toProfile(user, following) {
  return {
    username: user.username,
    bio: user.bio ?? null,
    image: user.image ?? null,
    following: Boolean(following),
  };
}

async function userNamed(username) {
  const user = await accounts.findByUsername(username);
  if (!user) throw AppError.notFound('profile');
  return user;
}

export async function getProfile(username, viewerId) {
  const user = await userNamed(username);
  return toProfile(user, await follows.isFollowing(viewerId, user.id));
}

export async function follow(username, followerId) {
  const user = await userNamed(username);
  if (user.id === followerId) throw AppError.validation('profile', 'you cannot follow yourself');
  await follows.follow(followerId, user.id);
  return toProfile(user, true);
}

export async function unfollow(username, followerId) {
  const user = await userNamed(username);
  await follows.unfollow(followerId, user.id);
  return toProfile(user, false);
}
