// The catalogue's rules: slugs, the shop's one currency, filters, sorting and pages.
// Knows nothing about HTTP: it returns data or throws an AppError.
import { config } from '../../lib/config.js';
import { isUniqueViolation, toIsoString } from '../../lib/db.js';
import { AppError } from '../../lib/errors.js';
import * as catalog from './catalog.repository.js';

/** "Café & Books!" -> "cafe-books": lowercase ASCII words joined by hyphens. */
export function slugify(text) {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100);
  return slug || 'item';
}

const SLUG_TAKEN = () => AppError.conflict('slug', 'is already used by another category');

/** The UNIQUE constraint has the last word when two requests race for one slug. */
async function uniqueSlugOr409(write) {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw SLUG_TAKEN();
    throw error;
  }
}

// --- categories ------------------------------------------------------------------

export function listCategories() {
  return catalog.allCategories();
}

async function findCategory(id) {
  const category = await catalog.findCategory(id);
  if (!category) throw AppError.notFound('category');
  return category;
}

export function createCategory({ name, slug }) {
  return uniqueSlugOr409(() => catalog.insertCategory({ name, slug: slug ?? slugify(name) }));
}

export async function updateCategory(id, changes) {
  const category = await findCategory(id);
  if (Object.keys(changes).length === 0) return category;
  return uniqueSlugOr409(() => catalog.updateCategory(id, changes));
}

export async function deleteCategory(id) {
  await findCategory(id);
  if (await catalog.categoryHasProducts(id)) {
    throw AppError.conflict('category', 'still has products: move or delete them first');
  }
  await catalog.deleteCategory(id);
}

// --- products --------------------------------------------------------------------

/** A row (with its category joined in) as the API shows a product. */
function toProduct(row) {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    description: row.description,
    price_cents: row.price_cents,
    currency: row.currency,
    stock: row.stock,
    category: { id: row.category_id, name: row.category_name, slug: row.category_slug },
    image_url: row.image_url,
    created_at: toIsoString(row.created_at),
    updated_at: toIsoString(row.updated_at),
  };
}

export async function listProducts(query) {
  const { page, page_size: pageSize } = query;
  const { rows, total } = await catalog.findProductPage(
    {
      search: query.search || undefined,
      category: query.category,
      minPrice: query.min_price,
      maxPrice: query.max_price,
      inStock: query.in_stock,
    },
    { sort: query.sort, limit: pageSize, offset: (page - 1) * pageSize },
  );
  return { items: rows.map(toProduct), total, page, page_size: pageSize };
}

export async function getProduct(id) {
  const row = await catalog.findProduct(id);
  if (!row) throw AppError.notFound('product');
  return toProduct(row);
}

function checkCurrency(currency) {
  if (currency !== config.shopCurrency) {
    throw AppError.validation(
      'currency',
      `must be ${config.shopCurrency}: the shop sells in it only`,
    );
  }
}

async function checkCategory(categoryId) {
  if (!(await catalog.findCategory(categoryId))) {
    throw AppError.validation('category_id', 'is not the id of a category');
  }
}

/** The name's slug, with -2, -3... added when other products already have it. */
async function freeProductSlug(name) {
  const base = slugify(name);
  const taken = await catalog.slugsLike(base);
  let slug = base;
  for (let number = 2; taken.has(slug); number += 1) slug = `${base}-${number}`;
  return slug;
}

export async function createProduct(fields) {
  checkCurrency(fields.currency);
  await checkCategory(fields.category_id);
  // Products with the same name at the same moment: each loser picks the next slug
  // (each round, one of them wins).
  for (let attempt = 1; attempt <= 25; attempt += 1) {
    try {
      const id = await catalog.insertProduct({
        ...fields,
        slug: await freeProductSlug(fields.name),
      });
      return getProduct(id);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  throw AppError.conflict('name', 'many products of this name are being saved: try again');
}

export async function updateProduct(id, changes) {
  await getProduct(id);
  if (changes.currency !== undefined) checkCurrency(changes.currency);
  if (changes.category_id !== undefined) await checkCategory(changes.category_id);
  await catalog.updateProduct(id, changes);
  return getProduct(id);
}

export async function deleteProduct(id) {
  await getProduct(id);
  await catalog.deleteProduct(id);
}

// --- make seed ---------------------------------------------------------------------

/**
 * Add the categories and products of `data` (seed-data.json) that are missing, found by
 * slug, so that running it twice adds nothing. Returns how many of each it added.
 */
export async function seedCatalog(data) {
  const added = { categories: 0, products: 0 };
  for (const { name, slug } of data.categories) {
    if (await catalog.findCategoryBySlug(slug)) continue;
    await catalog.insertCategory({ name, slug });
    added.categories += 1;
  }
  for (const product of data.products) {
    const slug = slugify(product.name);
    if ((await catalog.slugsLike(slug)).has(slug)) continue;
    const category = await catalog.findCategoryBySlug(product.category);
    await catalog.insertProduct({
      name: product.name,
      slug,
      description: product.description ?? '',
      price_cents: product.price_cents,
      currency: config.shopCurrency,
      stock: product.stock,
      category_id: category.id,
      image_url: product.image_url ?? null,
    });
    added.products += 1;
  }
  return added;
}
