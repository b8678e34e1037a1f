// The blog's tables: users, follows, articles, tags, article_tags, favorites, comments.
// Indexes cover every foreign key and every column the API filters or sorts by.
// A migration never changes once it has run somewhere: write a new one instead
// (`make migration name=add_user_location`).

export async function up(knex) {
  await knex.schema.createTable('users', (table) => {
    table.increments('id');
    table.string('username', 50).notNullable().unique();
    table.string('email', 255).notNullable().unique();
    table.string('password_hash', 255).notNullable();
    table.text('bio');
    table.text('image');
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
  });

  await knex.schema.createTable('follows', (table) => {
    table
      .integer('follower_id')
      .unsigned()
      .notNullable()
      .references('users.id')
      .onDelete('CASCADE');
    table
      .integer('followed_id')
      .unsigned()
      .notNullable()
      .references('users.id')
      .onDelete('CASCADE');
    // One follow per pair; the primary key also indexes follower_id (the feed's filter).
    table.primary(['follower_id', 'followed_id']);
    table.index('followed_id');
  });

  await knex.schema.createTable('articles', (table) => {
    table.increments('id');
    table.string('slug', 255).notNullable().unique();
    table.string('title', 255).notNullable();
    table.string('description', 1000).notNullable();
    table.text('body').notNullable();
    table.integer('author_id').unsigned().notNullable().references('users.id').onDelete('CASCADE');
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.index('author_id');
    // Lists are sorted newest first.
    table.index(['created_at', 'id']);
  });

  await knex.schema.createTable('tags', (table) => {
    table.increments('id');
    table.string('name', 100).notNullable().unique();
  });

  await knex.schema.createTable('article_tags', (table) => {
    table
      .integer('article_id')
      .unsigned()
      .notNullable()
      .references('articles.id')
      .onDelete('CASCADE');
    table.integer('tag_id').unsigned().notNullable().references('tags.id').onDelete('CASCADE');
    table.primary(['article_id', 'tag_id']);
    table.index('tag_id');
  });

  await knex.schema.createTable('favorites', (table) => {
    table.integer('user_id').unsigned().notNullable().references('users.id').onDelete('CASCADE');
    table
      .integer('article_id')
      .unsigned()
      .notNullable()
      .references('articles.id')
      .onDelete('CASCADE');
    // One favourite per pair; counted per article, so article_id is indexed too.
    table.primary(['user_id', 'article_id']);
    table.index('article_id');
  });

  await knex.schema.createTable('comments', (table) => {
    table.increments('id');
    table.text('body').notNullable();
    table
      .integer('article_id')
      .unsigned()
      .notNullable()
      .references('articles.id')
      .onDelete('CASCADE');
    table.integer('author_id').unsigned().notNullable().references('users.id').onDelete('CASCADE');
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.index(['article_id', 'created_at']);
    table.index('author_id');
  });
}

export async function down(knex) {
  for (const table of [
    'comments',
    'favorites',
    'article_tags',
    'tags',
    'articles',
    'follows',
    'users',
  ]) {
    await knex.schema.dropTableIfExists(table);
  }
}
