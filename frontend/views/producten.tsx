import type { ViewConfig } from '@vaadin/hilla-file-router/types.js';
import type { MenuDetail } from '../components/AdminNav';
import { Busy, LoadFailed } from '../components/Busy';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';
import { ProductTiles } from '../components/ProductTiles';
import { MyProductsDocument } from '../gql/graphql';
import { t } from '../i18n';
import { useGqlQuery } from '../lib/data';
import { useSession } from '../lib/session';

export const config: ViewConfig<MenuDetail> = {
  title: 'launch.dashboards',
  menu: { order: 3 },
  detail: { main: { title: 'nav.productDashboards', professionalsOnly: true } },
};

/** D2: the "Dashboard" button: a tile per product of the school, each opening the product's supervisor environment. */
export default function ProductDashboardsView() {
  const { schoolId } = useSession();
  const query = useGqlQuery(MyProductsDocument, { schoolId }, { enabled: !!schoolId });
  const products = (query.data?.school?.myProducts ?? []).filter((p) => p.supervisorUrl);
  return (
    <section aria-labelledby="dashboards-title">
      <PageHeader id="dashboards-title" title={t('launch.dashboards')} subtitle={t('launch.dashboardsHint')} />
      {query.error && !query.data && <LoadFailed error={query.error} onRetry={() => void query.refetch()} />}
      {!query.data && !query.error && <Busy />}
      {query.data && products.length === 0 && <EmptyState title={t('launch.noDashboards')} hint={t('launch.noDashboardsHint')} />}
      {products.length > 0 && (
        <ProductTiles
          label={t('launch.dashboards')}
          products={products}
          action={(product, content) => (
            <a className="kp-tile-button" href={product.supervisorUrl ?? undefined} target="_blank" rel="noopener noreferrer" aria-label={t('launch.openDashboard', { product: product.name })}>
              {content}
            </a>
          )}
        />
      )}
    </section>
  );
}
