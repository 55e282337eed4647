import { useEffect, useState } from 'react';
import { SupervisorProductsDocument } from '../gql/graphql';
import { useQuery } from './graphql';

/** Minutes of practice, as supervisors read them ("1 u 05 min", "12 min"). */
export function formatDuration(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} u ${String(minutes % 60).padStart(2, '0')} min`;
}

const PRODUCT_KEY = 'klaspoort.product';

/** The product the supervisor works in (RS1), kept when switching school (the filters stay too). */
export function useSelectedProduct(schoolId: string) {
  const { data } = useQuery(SupervisorProductsDocument, { schoolId }, !schoolId);
  const products = data?.school?.products ?? [];
  const [productId, setProductId] = useState<string>(() => localStorage.getItem(PRODUCT_KEY) ?? '');
  useEffect(() => {
    if (products.length && !products.some((p) => p.id === productId)) {
      setProductId(products[0].id);
    }
  }, [products, productId]);
  return {
    products,
    product: products.find((p) => p.id === productId),
    productId: products.some((p) => p.id === productId) ? productId : '',
    selectProduct: (id: string) => {
      localStorage.setItem(PRODUCT_KEY, id);
      setProductId(id);
    },
  };
}
