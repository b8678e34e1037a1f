// Data access for cart lines. A customer's cart is simply their lines.
import { db } from '../../lib/db.js';

/** The user's lines with their products' name, price and stock: one query. */
export function linesOf(userId, connection = db) {
  return connection('cart_items')
    .join('products', 'products.id', 'cart_items.product_id')
    .where('cart_items.user_id', userId)
    .select(
      'cart_items.product_id',
      'cart_items.quantity',
      'products.name',
      'products.price_cents',
      'products.stock',
    )
    .orderBy([{ column: 'cart_items.added_at' }, { column: 'cart_items.id' }]);
}

export function findLine(userId, productId) {
  return db('cart_items').where({ user_id: userId, product_id: productId }).first();
}

/**
 * Add `quantity` to the line, made when missing, in one statement: two adds at the same
 * moment both count. Resolves to the line's new quantity.
 */
export async function addToLine(userId, productId, quantity, connection = db) {
  const [line] = await connection('cart_items')
    .insert({ user_id: userId, product_id: productId, quantity, added_at: new Date() })
    .onConflict(['user_id', 'product_id'])
    .merge({ quantity: connection.raw('?? + ??', ['cart_items.quantity', 'excluded.quantity']) })
    .returning('quantity');
  return line.quantity;
}

/** Set the quantity of the line if it is there; resolves to the number of lines changed. */
export function setLine(userId, productId, quantity) {
  return db('cart_items').where({ user_id: userId, product_id: productId }).update({ quantity });
}

export function removeLine(userId, productId) {
  return db('cart_items').where({ user_id: userId, product_id: productId }).delete();
}

export function clear(userId, connection = db) {
  return connection('cart_items').where({ user_id: userId }).delete();
}
