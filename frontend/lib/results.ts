import { useEffect, useState } from 'react';
import { SupervisorProductsDocument } from '../gql/graphql';
import { useGqlQuery } from './data';

const PRODUCT_KEY = 'klaspoort.product';

/** The product the supervisor works in (RS1), kept when switching school and across visits. */
export function useSelectedProduct(schoolId: string) {
  const query = useGqlQuery(SupervisorProductsDocument, { schoolId }, { enabled: !!schoolId });
  const products = query.data?.school?.products ?? [];
  const [productId, setProductId] = useState<string>(() => localStorage.getItem(PRODUCT_KEY) ?? '');
  const known = products.some((p) => p.id === productId);
  useEffect(() => {
    if (products.length && !known) {
      setProductId(products[0].id);
    }
  }, [products, known]);
  return {
    loading: query.isPending && !!schoolId,
    error: query.error,
    retry: () => void query.refetch(),
    products,
    product: products.find((p) => p.id === productId),
    productId: known ? productId : '',
    selectProduct: (id: string) => {
      localStorage.setItem(PRODUCT_KEY, id);
      setProductId(id);
    },
  };
}
