import type { ViewConfig } from '@vaadin/hilla-file-router/types.js';
import type { MenuDetail } from '../components/AdminNav';
import { ArticleList } from '../components/ArticleList';
import { Busy, LoadFailed } from '../components/Busy';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';
import { InformationSquareDocument } from '../gql/graphql';
import { t } from '../i18n';
import { useGqlQuery } from '../lib/data';
import { useSession } from '../lib/session';

export const config: ViewConfig<MenuDetail> = {
  title: 'square.title',
  menu: { order: 4 },
  detail: { main: { title: 'nav.square', professionalsOnly: true } },
};

/** S7: news and information of the products the user works with at this school; other products' squares stay hidden. */
export default function InformationSquareView() {
  const { schoolId } = useSession();
  const query = useGqlQuery(InformationSquareDocument, { schoolId }, { enabled: !!schoolId });
  const items = query.data?.informationSquare;
  const byProduct = new Map<string, NonNullable<typeof items>[number][]>();
  (items ?? []).forEach((item) => byProduct.set(item.productName ?? '', [...(byProduct.get(item.productName ?? '') ?? []), item]));
  return (
    <section aria-labelledby="square-title">
      <PageHeader id="square-title" title={t('square.title')} />
      {query.error && !query.data && <LoadFailed error={query.error} onRetry={() => void query.refetch()} />}
      {!query.data && !query.error && <Busy />}
      {items && items.length === 0 && <EmptyState title={t('square.empty')} hint={t('square.emptyHint')} />}
      {[...byProduct.entries()].map(([product, articles]) => (
        <section key={product} aria-label={product}>
          <h2>{product}</h2>
          <ArticleList articles={articles} linkText={t('support.moreInfo')} />
        </section>
      ))}
    </section>
  );
}
