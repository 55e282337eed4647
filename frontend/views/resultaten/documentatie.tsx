import type { ViewConfig } from '@vaadin/hilla-file-router/types.js';
import { Select } from '@vaadin/react-components/Select.js';
import { useMemo } from 'react';
import { ArticleList } from '../../components/ArticleList';
import { Busy, LoadFailed } from '../../components/Busy';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { ProductDocumentsDocument } from '../../gql/graphql';
import { t } from '../../i18n';
import { useGqlQuery } from '../../lib/data';
import { useSelectedProduct } from '../../lib/results';
import { useSession } from '../../lib/session';

export const config: ViewConfig = { title: 'docs.title', menu: { exclude: true } };

/** RS5: Resultaten → Documentatie: the chosen product's instruction videos, manuals and other documents. */
export default function DocumentationView() {
  const { schoolId } = useSession();
  const products = useSelectedProduct(schoolId);
  const { productId, product } = products;
  const query = useGqlQuery(ProductDocumentsDocument, { productId }, { enabled: !!productId });
  const key = JSON.stringify(products.products.map((p) => p.id));
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const items = useMemo(() => products.products.map((p) => ({ label: p.name, value: p.id })), [key]);
  return (
    <section aria-labelledby="docs-title">
      <PageHeader id="docs-title" title={t('docs.title')}>
        {items.length > 0 && (
          <Select
            label={t('admin.filter.product')}
            value={productId}
            items={items}
            onValueChanged={(e) => e.detail.value && e.detail.value !== productId && products.selectProduct(e.detail.value)}
          />
        )}
      </PageHeader>
      <p>
        <a href="resultaten">{t('docs.back')}</a>
      </p>
      {(products.loading || (productId && !query.data && !query.error)) && <Busy />}
      {query.error && <LoadFailed error={query.error} onRetry={() => void query.refetch()} />}
      {!products.loading && products.products.length === 0 && <EmptyState title={t('results.noProducts')} hint={t('results.noProductsHint')} />}
      {query.data && query.data.productDocuments.length === 0 && (
        <EmptyState title={t('docs.empty', { product: product?.name ?? '' })} hint={t('docs.emptyHint')} />
      )}
      {query.data && <ArticleList articles={query.data.productDocuments} linkText={t('docs.open')} />}
      {product?.documentationUrl && (
        <p>
          <a href={product.documentationUrl} target="_blank" rel="noreferrer">
            {t('results.documentation')}
          </a>
        </p>
      )}
    </section>
  );
}
