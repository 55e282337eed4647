import { useState } from 'react';
import { Busy, LoadFailed } from '../../components/Busy';
import { EmptyState } from '../../components/EmptyState';
import { FormErrors } from '../../components/FormErrors';
import { ProductTiles } from '../../components/ProductTiles';
import { MyProductsDocument, ProductLaunchStartDocument } from '../../gql/graphql';
import { t } from '../../i18n';
import { useGqlMutation, useGqlQuery } from '../../lib/data';
import { requestFailure, type ServerError } from '../../lib/errors';
import { postLaunchToken } from './launch';

/** D3: a pupil's products with a valid licence, as tiles; a click launches the product with a launch token. */
export function PupilTiles({ schoolId }: { schoolId: string }) {
  const query = useGqlQuery(MyProductsDocument, { schoolId });
  const launch = useGqlMutation(ProductLaunchStartDocument);
  const [errors, setErrors] = useState<readonly ServerError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);

  async function start(productId: string) {
    setErrors([]);
    setFailure(null);
    try {
      const result = (await launch.run({ input: { schoolId, productId } })).productLaunch;
      if (result.launch) postLaunchToken(result.launch.url, result.launch.token);
      else setErrors(result.errors);
    } catch (e) {
      setFailure(requestFailure(e));
    }
  }

  if (query.error && !query.data) return <LoadFailed error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Busy />;
  const products = query.data.school?.myProducts ?? [];
  return (
    <section aria-labelledby="my-products">
      <h2 id="my-products">{t('launch.myProducts')}</h2>
      <FormErrors errors={errors} messages={failure ? [failure] : []} />
      {products.length === 0 ? (
        <EmptyState title={t('launch.none')} hint={t('launch.noneHint')} />
      ) : (
        <ProductTiles
          label={t('launch.myProducts')}
          products={products}
          action={(product, content) => (
            <button type="button" className="kp-tile-button" disabled={launch.busy} aria-label={t('launch.start', { product: product.name })} onClick={() => void start(product.id)}>
              {content}
            </button>
          )}
        />
      )}
    </section>
  );
}
