// The cart's rules: known products only, and never more than is in stock.
// Stock is only checked here, not reserved: checkout reserves it, atomically.
import { config } from '../../lib/config.js';
import { db } from '../../lib/db.js';
import { AppError } from '../../lib/errors.js';
import { findProduct } from '../catalog/catalog.repository.js';
import * as cart from './cart.repository.js';

/** The cart as the API shows it, priced at today's prices. */
export async function readCart(userId) {
  const items = (await cart.linesOf(userId)).map((line) => ({
    product_id: line.product_id,
    name: line.name,
    unit_price_cents: line.price_cents,
    quantity: line.quantity,
    line_total_cents: line.price_cents * line.quantity,
  }));
  const subtotal = items.reduce((sum, item) => sum + item.line_total_cents, 0);
  return { items, subtotal_cents: subtotal, currency: config.shopCurrency };
}

function checkStock(product, quantity) {
  if (quantity > product.stock) {
    throw AppError.validation('quantity', `is more than the ${product.stock} in stock`);
  }
}

/** Add a product, or more of one already in the cart. */
export async function addItem(userId, { product_id: productId, quantity }) {
  const product = await findProduct(productId);
  if (!product) throw AppError.notFound('product');
  // Reading the line and writing the sum back would lose one of two adds made at the
  // same moment: the database adds instead. Too many? The error rolls the add back.
  await db.transaction(async (trx) => {
    checkStock(product, await cart.addToLine(userId, productId, quantity, trx));
  });
  return readCart(userId);
}

const notInCart = () => new AppError('not_found', { product: ['is not in your cart'] });

/** Set a line's quantity; 0 removes it. */
export async function setQuantity(userId, productId, quantity) {
  if (!(await cart.findLine(userId, productId))) throw notInCart();
  if (quantity === 0) {
    await cart.removeLine(userId, productId);
  } else {
    checkStock(await findProduct(productId), quantity);
    // Removed meanwhile by another request? Then it stays removed: a 404.
    if (!(await cart.setLine(userId, productId, quantity))) throw notInCart();
  }
  return readCart(userId);
}

/** Remove a product (nothing happens when it was not there: DELETE is idempotent). */
export async function removeItem(userId, productId) {
  await cart.removeLine(userId, productId);
}
