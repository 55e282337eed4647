import type { ViewConfig } from '@vaadin/hilla-file-router/types.js';
import { Grid } from '@vaadin/react-components/Grid.js';
import { GridColumn } from '@vaadin/react-components/GridColumn.js';
import ReactECharts from 'echarts-for-react';
import { Link, useParams } from 'react-router';
import { StudentResultsDocument, type StudentResultsQuery } from '../../../gql/graphql';
import { useQuery } from '../../../lib/graphql';
import { useI18n, usePageTitle } from '../../../lib/i18n';
import { formatDuration, useSelectedProduct } from '../../../lib/results';
import { useSession } from '../../../lib/session';

export const config: ViewConfig = { title: 'Resultaten leerling' };

type Results = NonNullable<NonNullable<StudentResultsQuery['school']>['studentResults']>;

/** RS4: one student's lessons, test scores, practice time per week (chart) and recent sessions. */
export default function StudentResultsView() {
  const { t, language } = useI18n();
  const { id } = useParams();
  const { membership } = useSession();
  const schoolId = membership?.school.id ?? '';
  const { product, productId } = useSelectedProduct(schoolId);
  const { data, error } = useQuery(StudentResultsDocument, { schoolId, studentId: id ?? '', productId }, !productId || !id);
  const results = data?.school?.studentResults;
  usePageTitle(results?.displayName ?? t('results.title'));

  if (error || (data && !results)) {
    return <p role="alert">{t('results.notLinked')}</p>;
  }
  if (!results) {
    return <p>{t('common.loading')}</p>;
  }
  const format = new Intl.DateTimeFormat(language === 'nl' ? 'nl-NL' : 'en-GB', {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: 'Europe/Amsterdam',
  });
  const minutes = (s: number) => Math.round(s / 60);
  const chart = {
    aria: { enabled: true },
    tooltip: { trigger: 'axis' },
    legend: { data: [t('results.atSchool'), t('results.atHome')] },
    xAxis: { type: 'category', data: results.weeks.map((w) => w.week.replace(/^\d{4}-W/, 'wk ')) },
    yAxis: { type: 'value', name: t('results.minutes') },
    series: [
      { name: t('results.atSchool'), type: 'bar', stack: 'time', data: results.weeks.map((w) => minutes(w.practiceTime.schoolSeconds)) },
      { name: t('results.atHome'), type: 'bar', stack: 'time', data: results.weeks.map((w) => minutes(w.practiceTime.homeSeconds)) },
    ],
  };

  return (
    <section aria-labelledby="student-title">
      <div className="kp-admin-head">
        <h1 id="student-title">{results.displayName}</h1>
        <span className="kp-spacer" />
        <Link to="/resultaten">{t('results.backToOverview')}</Link>
      </div>
      <p className="kp-subtitle">
        {product?.name} · {t('admin.col.gradeYear')} {results.gradeYear} · {t('results.highestLesson')}:{' '}
        {results.highestCompletedLesson ?? '—'} · {t('results.untilTest')}: {results.lessonsUntilNextTest ?? '—'}
      </p>
      <h2>{t('results.perWeek')}</h2>
      <figure className="kp-chart" aria-label={t('results.perWeek')}>
        <ReactECharts option={chart} style={{ height: 280 }} />
      </figure>
      <h2>{t('results.lessons')}</h2>
      <Grid items={results.lessons.filter((l) => l.sessions > 0)} allRowsVisible aria-label={t('results.lessons')}>
        <GridColumn header={t('results.lesson')}>{({ item }: { item: Results['lessons'][number] }) => <span>{item.lesson.title}</span>}</GridColumn>
        <GridColumn header={t('results.completed')}>{({ item }: { item: Results['lessons'][number] }) => <span>{item.completed ? t('results.yes') : t('results.no')}</span>}</GridColumn>
        <GridColumn header={t('results.sessions')}>{({ item }: { item: Results['lessons'][number] }) => <span>{item.sessions}</span>}</GridColumn>
        <GridColumn header={t('results.testScores')}>{({ item }: { item: Results['lessons'][number] }) => <span>{item.testScores.join(', ') || '—'}</span>}</GridColumn>
      </Grid>
      <h2>{t('results.recent')}</h2>
      <Grid items={results.recentSessions} allRowsVisible aria-label={t('results.recent')}>
        <GridColumn header={t('audit.when')}>{({ item }: { item: Results['recentSessions'][number] }) => <span>{format.format(new Date(item.startedAt))}</span>}</GridColumn>
        <GridColumn header={t('results.lesson')}>{({ item }: { item: Results['recentSessions'][number] }) => <span>{item.lessonPosition}</span>}</GridColumn>
        <GridColumn header={t('results.where')}>{({ item }: { item: Results['recentSessions'][number] }) => <span>{item.location === 'SCHOOL' ? t('results.atSchool') : t('results.atHome')}</span>}</GridColumn>
        <GridColumn header={t('results.duration')}>
          {({ item }: { item: Results['recentSessions'][number] }) => (
            <span>{formatDuration((new Date(item.endedAt).getTime() - new Date(item.startedAt).getTime()) / 1000)}</span>
          )}
        </GridColumn>
        <GridColumn header={t('results.testScores')}>{({ item }: { item: Results['recentSessions'][number] }) => <span>{item.testScore ?? ''}</span>}</GridColumn>
      </Grid>
    </section>
  );
}
