// Data access for categories and products.
//
// A product always comes with its category, joined in: a page of products is one
// query (plus one to count them), however many products it holds (no N+1).
import { db } from '../../lib/db.js';

const PRODUCT_COLUMNS = [
  'products.*',
  'categories.name as category_name',
  'categories.slug as category_slug',
];

const SORT_ORDERS = {
  price: [
    { column: 'products.price_cents', order: 'asc' },
    { column: 'products.id', order: 'asc' },
  ],
  '-price': [
    { column: 'products.price_cents', order: 'desc' },
    { column: 'products.id', order: 'desc' },
  ],
  name: [
    { column: 'products.name', order: 'asc' },
    { column: 'products.id', order: 'asc' },
  ],
  '-created_at': [
    { column: 'products.created_at', order: 'desc' },
    { column: 'products.id', order: 'desc' },
  ],
};

// --- categories ------------------------------------------------------------------

export function allCategories() {
  return db('categories')
    .select('id', 'name', 'slug')
    .orderBy([{ column: 'name' }, { column: 'id' }]);
}

export function findCategory(id) {
  return db('categories').select('id', 'name', 'slug').where({ id }).first();
}

export function findCategoryBySlug(slug) {
  return db('categories').select('id', 'name', 'slug').where({ slug }).first();
}

export async function insertCategory(category) {
  const [row] = await db('categories').insert(category).returning(['id', 'name', 'slug']);
  return row;
}

export async function updateCategory(id, changes) {
  const [row] = await db('categories')
    .where({ id })
    .update(changes)
    .returning(['id', 'name', 'slug']);
  return row;
}

export function deleteCategory(id) {
  return db('categories').where({ id }).delete();
}

export async function categoryHasProducts(id) {
  return Boolean(await db('products').where({ category_id: id }).first('id'));
}

// --- products --------------------------------------------------------------------

function withCategory(query) {
  return query.join('categories', 'categories.id', 'products.category_id');
}

/** "50%" must find "50%", not everything: LIKE's wildcards are escaped. */
function likePattern(text) {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

function applyFilters(query, { search, category, minPrice, maxPrice, inStock }) {
  if (search) {
    const pattern = likePattern(search);
    query.where((where) =>
      where
        .whereRaw("lower(products.name) like ? escape '\\'", [pattern])
        .orWhereRaw("lower(products.description) like ? escape '\\'", [pattern]),
    );
  }
  // An unknown slug matches no category, so the page is simply empty.
  if (category !== undefined) query.where('categories.slug', category);
  if (minPrice !== undefined) query.where('products.price_cents', '>=', minPrice);
  if (maxPrice !== undefined) query.where('products.price_cents', '<=', maxPrice);
  if (inStock === true) query.where('products.stock', '>', 0);
  if (inStock === false) query.where('products.stock', '=', 0);
  return query;
}

/** One page of the products that match, and how many match in all: two queries. */
export async function findProductPage(filters, { sort, limit, offset }) {
  const rows = await applyFilters(withCategory(db('products')).select(PRODUCT_COLUMNS), filters)
    .orderBy(SORT_ORDERS[sort])
    .limit(limit)
    .offset(offset);
  const [{ count }] = await applyFilters(withCategory(db('products')), filters).count({
    count: '*',
  });
  return { rows, total: Number(count) };
}

export function findProduct(id) {
  return withCategory(db('products')).select(PRODUCT_COLUMNS).where('products.id', id).first();
}

/** The slugs taken by `base` or `base-<n>`, to pick the next free one. */
export async function slugsLike(base) {
  const rows = await db('products')
    .where('slug', base)
    .orWhere('slug', 'like', `${base}-%`)
    .select('slug');
  return new Set(rows.map((row) => row.slug));
}

export async function insertProduct(product) {
  const now = new Date();
  const [row] = await db('products')
    .insert({ ...product, created_at: now, updated_at: now })
    .returning('id');
  return row.id;
}

export function updateProduct(id, changes) {
  return db('products')
    .where({ id })
    .update({ ...changes, updated_at: new Date() });
}

export function deleteProduct(id) {
  // Cart lines go with it (ON DELETE CASCADE); order lines keep their copied name and price.
  return db('products').where({ id }).delete();
}
