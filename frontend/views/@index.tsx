import type { ViewConfig } from '@vaadin/hilla-file-router/types.js';
import { NavLink } from 'react-router';
import type { MenuDetail } from '../components/AdminNav';
import { Busy, LoadFailed } from '../components/Busy';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';
import { SchoolDashboardDocument } from '../gql/graphql';
import { useFormat } from '../i18n/format';
import { t } from '../i18n';
import { useGqlQuery } from '../lib/data';
import { useSession } from '../lib/session';
import { PupilTiles } from './_dashboard/PupilTiles';
import { SchoolOverview } from './_dashboard/SchoolOverview';

export const config: ViewConfig<MenuDetail> = { title: 'dashboard.title', menu: { order: 0 }, detail: { main: { title: 'nav.home' } } };

function Count({ label, value }: { label: string; value: number }) {
  const format = useFormat();
  return (
    <div className="kp-card" role="group" aria-label={label}>
      <span className="kp-card-value">{format.number(value)}</span>
      <span className="kp-card-label">{label}</span>
    </div>
  );
}

/**
 * D1: the selected school's dashboard for professionals, with what to fix for its admins (X9); D3: a pupil's product
 * tiles and no school figures.
 */
export default function DashboardView() {
  const { membership, schoolId } = useSession();
  // a pupil sees the school's name, not its numbers (the server refuses them to pupils)
  const pupil = !!membership && membership.roles.every((role) => role === 'STUDENT');
  const { data, error, refetch, stale } = useGqlQuery(SchoolDashboardDocument, { schoolId }, { enabled: !!schoolId && !pupil, keepPrevious: true });

  if (!membership) {
    return <EmptyState title={t('dashboard.noSchool')} />;
  }
  const school = data?.school;
  return (
    <section aria-labelledby="dashboard-title">
      <PageHeader
        id="dashboard-title"
        title={membership.school.name}
        subtitle={`${t('dashboard.title')} · ${t('dashboard.brin')} ${membership.school.brin} · ${t('dashboard.roles')}: ${membership.roles.map((r) => t(`role.${r}`)).join(', ')}`}
      />
      {!pupil && error && !school && <LoadFailed error={error} onRetry={() => void refetch()} />}
      {!pupil && (!school || stale) && !error && <Busy />}
      {!pupil && school && !stale && (
        <div className="kp-cards">
          <Count label={t('dashboard.activeStudents')} value={school.counts.activeStudents} />
          <Count label={t('dashboard.activeProfessionals')} value={school.counts.activeProfessionals} />
          <Count label={t('dashboard.archivedUsers')} value={school.counts.archivedUsers} />
          <Count label={t('dashboard.products')} value={school.counts.products} />
        </div>
      )}
      {!pupil && school && !stale && school.alerts.length > 0 && (
        <section aria-labelledby="alerts-title" className="kp-alerts">
          <h2 id="alerts-title">{t('dashboard.alerts')}</h2>
          <ul>
            {school.alerts.map((alert) => (
              <li key={`${alert.code}-${alert.group ?? ''}`}>
                {alert.message}{' '}
                <NavLink to={alert.fixPath}>{t('dashboard.alertFix')}</NavLink>
              </li>
            ))}
          </ul>
        </section>
      )}
      {pupil ? <PupilTiles schoolId={schoolId} /> : <SchoolOverview schoolId={schoolId} />}
    </section>
  );
}
