import type { ViewConfig } from '@vaadin/hilla-file-router/types.js';
import { Link, useParams } from 'react-router';
import { Busy, LoadFailed } from '../../../components/Busy';
import { type Column, DataTable } from '../../../components/DataTable';
import { EmptyState } from '../../../components/EmptyState';
import { PageHeader } from '../../../components/PageHeader';
import { StudentResultsDocument, type StudentResultsQuery } from '../../../gql/graphql';
import { t } from '../../../i18n';
import { useFormat } from '../../../i18n/format';
import { useGqlQuery } from '../../../lib/data';
import { useSelectedProduct } from '../../../lib/results';
import { useSession } from '../../../lib/session';
import { WeekChart } from '../_week-chart';

export const config: ViewConfig = { title: 'results.title' };

type Results = NonNullable<NonNullable<StudentResultsQuery['school']>['studentResults']>;
type LessonRow = Results['lessons'][number];
type SessionRow = Results['recentSessions'][number];

/** RS4: one student's lessons, test scores, practice time per week (chart and table) and recent sessions. */
export default function StudentResultsView() {
  const { id } = useParams();
  const { schoolId } = useSession();
  const format = useFormat();
  const { product, productId } = useSelectedProduct(schoolId);
  const query = useGqlQuery(StudentResultsDocument, { schoolId, studentId: id ?? '', productId }, { enabled: !!productId && !!id });
  const results = query.data?.school?.studentResults;

  if (query.error && !query.data) return <LoadFailed error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data && !results) return <EmptyState title={t('results.notLinked')} action={<Link to="/resultaten">{t('results.backToOverview')}</Link>} />;
  if (!results) return <Busy />;

  const scores = (values: readonly number[]) => values.map((s) => format.number(s)).join(', ') || t('common.none');
  const lessonColumns: Column<LessonRow>[] = [
    { key: 'lesson', header: t('results.lesson'), cell: (l) => l.lesson.title },
    { key: 'done', header: t('results.completed'), cell: (l) => (l.completed ? t('common.yes') : t('common.no')) },
    { key: 'sessions', header: t('results.sessions'), numeric: true, cell: (l) => format.number(l.sessions) },
    { key: 'scores', header: t('results.testScores'), numeric: true, cell: (l) => scores(l.testScores) },
  ];
  const sessionColumns: Column<SessionRow>[] = [
    { key: 'when', header: t('audit.when'), cell: (s) => format.dateTime(s.startedAt) },
    { key: 'lesson', header: t('results.lesson'), numeric: true, cell: (s) => format.number(s.lessonPosition) },
    { key: 'where', header: t('results.where'), cell: (s) => (s.location === 'SCHOOL' ? t('results.atSchool') : t('results.atHome')) },
    { key: 'duration', header: t('results.duration'), numeric: true, cell: (s) => format.duration((Date.parse(s.endedAt) - Date.parse(s.startedAt)) / 1000) },
    { key: 'score', header: t('results.testScores'), numeric: true, cell: (s) => (s.testScore == null ? '' : format.number(s.testScore)) },
  ];
  const practised = results.lessons.filter((l) => l.sessions > 0);
  const none = t('common.none');

  return (
    <section aria-labelledby="student-title">
      <PageHeader
        id="student-title"
        title={results.displayName}
        subtitle={`${product?.name ?? ''} · ${t('admin.col.gradeYear')} ${results.gradeYear} · ${t('results.highestLesson')}: ${results.highestCompletedLesson ?? none} · ${t('results.untilTest')}: ${results.lessonsUntilNextTest ?? none}`}
      >
        <Link to="/resultaten">{t('results.backToOverview')}</Link>
      </PageHeader>
      <h2>{t('results.perWeek')}</h2>
      {results.weeks.length === 0 ? <EmptyState title={t('results.noSessions')} /> : <WeekChart weeks={results.weeks} />}
      <h2>{t('results.lessons')}</h2>
      <DataTable label={t('results.lessons')} rows={practised} rowKey={(l) => String(l.lesson.position)} columns={lessonColumns} empty={<EmptyState title={t('results.noSessions')} />} />
      <h2>{t('results.recent')}</h2>
      <DataTable label={t('results.recent')} rows={results.recentSessions} rowKey={(s) => s.id} columns={sessionColumns} empty={<EmptyState title={t('results.noSessions')} />} />
    </section>
  );
}
