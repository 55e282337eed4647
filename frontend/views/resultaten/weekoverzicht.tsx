import type { ViewConfig } from '@vaadin/hilla-file-router/types.js';
import { Busy, LoadFailed } from '../../components/Busy';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { WeeklyDigestDocument } from '../../gql/graphql';
import { t } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { useGqlQuery } from '../../lib/data';
import { useSession } from '../../lib/session';

export const config: ViewConfig = { title: 'digest.title', menu: { exclude: true } };

/** X10: last week per product — each pupil's practice time at school and at home, and who is due for a test. */
export default function WeeklyDigestView() {
  const { schoolId } = useSession();
  const format = useFormat();
  const query = useGqlQuery(WeeklyDigestDocument, { schoolId, week: null }, { enabled: !!schoolId });
  const digest = query.data?.weeklyDigest;
  return (
    <section aria-labelledby="digest-title">
      <PageHeader id="digest-title" title={t('digest.title')} subtitle={digest ? t('digest.week', { monday: format.date(digest.monday), week: digest.week }) : undefined} />
      <p>
        <a href="resultaten">{t('docs.back')}</a>
      </p>
      {query.error && !query.data && <LoadFailed error={query.error} onRetry={() => void query.refetch()} />}
      {!query.data && !query.error && <Busy />}
      {digest && digest.products.length === 0 && <EmptyState title={t('digest.empty')} />}
      {digest?.products.map((product) => (
        <section key={product.productId} aria-labelledby={`digest-${product.productId}`}>
          <h2 id={`digest-${product.productId}`}>{product.productName}</h2>
          <table className="kp-table">
            <thead>
              <tr>
                <th scope="col">{t('digest.pupil')}</th>
                <th scope="col">{t('digest.atSchool')}</th>
                <th scope="col">{t('digest.atHome')}</th>
                <th scope="col">{t('digest.total')}</th>
                <th scope="col">{t('digest.testDue')}</th>
              </tr>
            </thead>
            <tbody>
              {product.pupils.map((p) => (
                <tr key={p.studentId}>
                  <th scope="row">{p.displayName}</th>
                  <td>{format.duration(p.schoolSeconds)}</td>
                  <td>{format.duration(p.homeSeconds)}</td>
                  <td data-testid={`digest-total-${product.productId}-${p.studentId}`}>{format.duration(p.schoolSeconds + p.homeSeconds)}</td>
                  <td>{p.testDue ? t('digest.yes') : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </section>
  );
}
