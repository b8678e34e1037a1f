// `make seed`: fill the shop with the categories and products of seed-data.json.
// Safe to run twice: what already exists (same slug) is skipped.
import { readFile } from 'node:fs/promises';

import { seedCatalog } from '../../src/shop/catalog/catalog.service.js';
import { db } from '../../src/lib/db.js';

const SEED_FILE = new URL('../../src/shop/catalog/seed-data.json', import.meta.url);

try {
  const added = await seedCatalog(JSON.parse(await readFile(SEED_FILE, 'utf8')));
  console.log(`Seeded ${added.categories} categories and ${added.products} products.`);
} finally {
  await db.destroy();
}
