import type { ReactNode } from 'react';

export interface TileProduct {
  id: string;
  code: string;
  name: string;
  icon?: string | null;
}

/** The pictogram of a product (its `icon` name) as an emoji-free, decorative letter badge. */
function Icon({ product }: { product: TileProduct }) {
  return (
    <span className={`kp-tile-icon kp-tile-icon-${product.icon ?? 'default'}`} aria-hidden="true">
      {product.name.charAt(0)}
    </span>
  );
}

/**
 * Product tiles (D2, D3): an icon and the product's name; the tile itself is the action (`action(product)`: a button
 * that launches, or a link to the supervisor environment), so each tile is one tab stop.
 */
export function ProductTiles<P extends TileProduct>({ label, products, action }: { label: string; products: readonly P[]; action: (product: P, content: ReactNode) => ReactNode }) {
  return (
    <ul className="kp-tiles" aria-label={label}>
      {products.map((product) => (
        <li key={product.id} className="kp-tile" data-product={product.code}>
          {action(
            product,
            <>
              <Icon product={product} />
              <span className="kp-tile-name">{product.name}</span>
            </>,
          )}
        </li>
      ))}
    </ul>
  );
}
