// Sign-in attempts, for the failed-login limits (src/lib/login-limiter.js). Kept in
// the database so that every server process shares them.
// A migration never changes once it has run somewhere: write a new one instead.

export async function up(knex) {
  await knex.schema.createTable('login_attempts', (table) => {
    table.increments('id');
    // "<e-mail>|<client address>": the per-account-and-client limit counts these.
    table.string('account', 400).notNullable().index();
    // The client address alone: the looser per-address limit counts these.
    table.string('client', 64).notNullable().index();
    // Old attempts are deleted by this column.
    table.timestamp('attempted_at', { useTz: true }).notNullable().index();
  });
}

export async function down(knex) {
  await knex.schema.dropTable('login_attempts');
}
