import type { ViewConfig } from '@vaadin/hilla-file-router/types.js';
import { SchoolDashboardDocument } from '../gql/graphql';
import { useQuery } from '../lib/graphql';
import { type MessageKey, useI18n, usePageTitle } from '../lib/i18n';
import { useSession } from '../lib/session';

export const config: ViewConfig = { title: 'Home' };

function Count({ label, value }: { label: string; value: number }) {
  return (
    <div className="kp-card" role="group" aria-label={label}>
      <span className="kp-card-value">{value}</span>
      <span className="kp-card-label">{label}</span>
    </div>
  );
}

/** D1 shell: the selected school's name and numbers from the API. */
export default function DashboardView() {
  const { t } = useI18n();
  const { membership } = useSession();
  usePageTitle(membership ? `${membership.school.name} – ${t('dashboard.title')}` : t('dashboard.title'));
  const schoolId = membership?.school.id ?? '';
  // a pupil sees the school's name, not its numbers (the server refuses them)
  const pupil = !!membership && membership.roles.every((role) => role === 'STUDENT');
  const { data, error, loading } = useQuery(SchoolDashboardDocument, { schoolId }, !membership || pupil);

  if (!membership) {
    return <p>{t('dashboard.noSchool')}</p>;
  }
  const school = data?.school;
  return (
    <section aria-labelledby="dashboard-title">
      <h1 id="dashboard-title">{membership.school.name}</h1>
      <p className="kp-subtitle">
        {t('dashboard.title')} · {t('dashboard.brin')} {membership.school.brin} ·{' '}
        {t('dashboard.roles')}: {membership.roles.map((r) => t(`role.${r}` as MessageKey)).join(', ')}
      </p>
      {!pupil && error && <p role="alert">{t('common.error')}</p>}
      {!pupil && loading && !school && <p>{t('common.loading')}</p>}
      {!pupil && school && school.id === schoolId && (
        <div className="kp-cards">
          <Count label={t('dashboard.activeStudents')} value={school.counts.activeStudents} />
          <Count label={t('dashboard.activeProfessionals')} value={school.counts.activeProfessionals} />
          <Count label={t('dashboard.archivedUsers')} value={school.counts.archivedUsers} />
          <Count label={t('dashboard.products')} value={school.counts.products} />
        </div>
      )}
    </section>
  );
}
