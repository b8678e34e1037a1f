// The social network's tables: users, follows, posts, comments, likes, notifications.
// Indexes cover every foreign key and every column the API filters or sorts by.
// A migration never changes once it has run somewhere: write a new one instead
// (`make migration name=add_user_location`).

/** A foreign key column to `table`.id; its rows go when that row is deleted. */
function reference(table, column, target) {
  return table.integer(column).unsigned().notNullable().references(target).onDelete('CASCADE');
}

export async function up(knex) {
  await knex.schema.createTable('users', (table) => {
    table.increments('id');
    // unique() also creates the index that profile lookups and the username search use.
    table.string('username', 30).notNullable().unique();
    table.string('email', 254).notNullable().unique();
    // Only the scrypt hash is stored: never the password, never returned by the API.
    table.string('password_hash', 255).notNullable();
    // Text, not varchar(160): the limit counts Unicode characters, which the
    // schema checks; some databases count varchar lengths in bytes.
    table.text('bio');
    table.string('avatar_url', 2048);
    table.timestamp('created_at', { useTz: true }).notNullable();
  });

  await knex.schema.createTable('follows', (table) => {
    reference(table, 'follower_id', 'users.id');
    reference(table, 'followed_id', 'users.id');
    table.timestamp('created_at', { useTz: true }).notNullable();
    // One follow per pair, even when two requests arrive at once.
    table.primary(['follower_id', 'followed_id']);
    // "Who follows X, newest first" (followers) and "whom X follows" (following, the feed).
    table.index(['followed_id', 'created_at']);
    table.index(['follower_id', 'created_at']);
  });

  await knex.schema.createTable('posts', (table) => {
    table.increments('id');
    table.text('body').notNullable();
    reference(table, 'author_id', 'users.id');
    table.timestamp('created_at', { useTz: true }).notNullable();
    // A user's posts and the feed are read newest first, per author: this index
    // serves both the filter and the order (and the keyset cursor).
    table.index(['author_id', 'created_at']);
    table.index(['created_at']);
  });

  await knex.schema.createTable('comments', (table) => {
    table.increments('id');
    table.text('body').notNullable();
    reference(table, 'post_id', 'posts.id');
    reference(table, 'author_id', 'users.id');
    table.timestamp('created_at', { useTz: true }).notNullable();
    // A post's comments, oldest first: the filter and the order in one index.
    table.index(['post_id', 'created_at']);
    table.index(['author_id']);
  });

  await knex.schema.createTable('likes', (table) => {
    reference(table, 'user_id', 'users.id');
    reference(table, 'post_id', 'posts.id');
    table.timestamp('created_at', { useTz: true }).notNullable();
    // One like per (user, post): the primary key guarantees it, even when two
    // requests arrive at once. A post's likes are counted, so post_id is indexed too.
    table.primary(['user_id', 'post_id']);
    table.index(['post_id']);
  });

  await knex.schema.createTable('notifications', (table) => {
    table.increments('id');
    reference(table, 'recipient_id', 'users.id');
    reference(table, 'actor_id', 'users.id');
    // A text column with a CHECK: the same on SQLite and PostgreSQL, and a new type
    // later needs no ALTER TYPE.
    table.enu('type', ['follow', 'like', 'comment']).notNullable();
    // Null for a follow. Deleting the post deletes its notifications.
    table.integer('post_id').unsigned().references('posts.id').onDelete('CASCADE');
    table.boolean('read').notNullable().defaultTo(false);
    table.timestamp('created_at', { useTz: true }).notNullable();
    // The list: a recipient's notifications, newest first.
    table.index(['recipient_id', 'created_at']);
    // "Was I already told that alice liked this post?" (no second notification).
    table.index(['actor_id', 'type']);
    table.index(['post_id']);
  });
}

export async function down(knex) {
  for (const table of ['notifications', 'likes', 'comments', 'posts', 'follows', 'users']) {
    await knex.schema.dropTableIfExists(table);
  }
}
