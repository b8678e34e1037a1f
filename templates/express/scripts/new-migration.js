// Write an empty migration to fill in: `make migration name=add_user_location`.
import { writeFileSync } from 'node:fs';

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('Usage: make migration name=add_user_location (lowercase letters, digits, _)');
  process.exit(2);
}
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const file = `migrations/${stamp}_${name}.js`;
writeFileSync(
  file,
  `// ${name.replaceAll('_', ' ')}. Knex's schema builder: https://knexjs.org/guide/schema-builder.html

export async function up(knex) {
  // e.g. await knex.schema.alterTable('users', (table) => table.string('location', 100));
}

export async function down(knex) {
  // Undo up(), e.g. await knex.schema.alterTable('users', (table) => table.dropColumn('location'));
}
`,
  { flag: 'wx' },
);
console.log(`Wrote ${file}: fill in up() and down(), then run make migrate.`);
