import { Link } from 'react-router';
import { Busy, LoadFailed } from '../../components/Busy';
import { StatusText } from '../../components/ContractStatus';
import { EmptyState } from '../../components/EmptyState';
import { SchoolOverviewDocument } from '../../gql/graphql';
import { t } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { useGqlQuery } from '../../lib/data';
import { LicenceChart, UsersChart } from './Charts';
import { VideoCarousel } from './VideoCarousel';

/**
 * D1: the school dashboard of a professional: instruction videos, licence use per product, active against archived
 * users, recommended programmes, running contracts and the publisher's announcements.
 */
export function SchoolOverview({ schoolId }: { schoolId: string }) {
  const format = useFormat();
  const query = useGqlQuery(SchoolOverviewDocument, { schoolId }, { keepPrevious: true });
  if (query.error && !query.data) return <LoadFailed error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data || query.stale) return <Busy />;
  const school = query.data.school;
  const items = query.data.dashboardItems;
  const videos = items.filter((i) => i.kind === 'VIDEO');
  const recommendations = items.filter((i) => i.kind === 'RECOMMENDATION');
  const announcements = items.filter((i) => i.kind === 'ANNOUNCEMENT');
  if (!school) return <EmptyState title={t('dashboard.noSchool')} />;
  const contracts = school.contracts.edges.map((e) => e.node);
  return (
    <div className="kp-dashboard">
      <section className="kp-panel kp-panel-wide" aria-labelledby="videos-title">
        <div className="kp-admin-head">
          <h2 id="videos-title">{t('dashboard.videos.title')}</h2>
          <span className="kp-spacer" />
          {query.data.me?.publisher && <Link to="/uitgever">{t('publisher.manage')}</Link>}
        </div>
        <VideoCarousel videos={videos} />
      </section>
      <section className="kp-panel" aria-labelledby="licences-title">
        <h2 id="licences-title">{t('dashboard.licences.title')}</h2>
        {school.licenceUse.length ? <LicenceChart use={school.licenceUse} /> : <p>{t('dashboard.licences.none')}</p>}
      </section>
      <section className="kp-panel" aria-labelledby="users-title">
        <h2 id="users-title">{t('dashboard.users.title')}</h2>
        <UsersChart active={school.counts.activeStudents + school.counts.activeProfessionals} archived={school.counts.archivedUsers} />
      </section>
      <section className="kp-panel" aria-labelledby="recommendations-title">
        <h2 id="recommendations-title">{t('dashboard.recommendations.title')}</h2>
        {recommendations.length === 0 ? (
          <p>{t('dashboard.recommendations.none')}</p>
        ) : (
          <ul className="kp-item-list">
            {recommendations.map((r) => (
              <li key={r.id}>
                {r.url ? (
                  <a href={r.url} target="_blank" rel="noopener noreferrer">
                    {r.title}
                  </a>
                ) : (
                  r.title
                )}
                {r.body && <p>{r.body}</p>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="kp-panel" aria-labelledby="running-title">
        <h2 id="running-title">{t('dashboard.contracts.title')}</h2>
        {contracts.length === 0 ? (
          <p>{t('dashboard.contracts.none')}</p>
        ) : (
          <ul className="kp-item-list" data-testid="running-contracts">
            {contracts.map((c) => (
              <li key={c.id}>
                <strong>{c.product.name}</strong> · {c.name} · <StatusText status={c.status} endDate={c.endDate} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="kp-panel" aria-labelledby="announcements-title">
        <h2 id="announcements-title">{t('dashboard.announcements.title')}</h2>
        {announcements.length === 0 ? (
          <p>{t('dashboard.announcements.none')}</p>
        ) : (
          <ul className="kp-item-list">
            {announcements.map((a) => (
              <li key={a.id}>
                <p className="kp-secondary">{format.date(a.publishedAt)}</p>
                <strong>{a.title}</strong>
                {a.body && <p>{a.body}</p>}
                {a.url && (
                  <a href={a.url} target="_blank" rel="noopener noreferrer">
                    {t('dashboard.announcements.more')}
                  </a>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
