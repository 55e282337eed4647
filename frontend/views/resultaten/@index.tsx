import type { ViewConfig } from '@vaadin/hilla-file-router/types.js';
import { Button } from '@vaadin/react-components/Button.js';
import { Checkbox } from '@vaadin/react-components/Checkbox.js';
import { Grid } from '@vaadin/react-components/Grid.js';
import { GridColumn } from '@vaadin/react-components/GridColumn.js';
import { Select } from '@vaadin/react-components/Select.js';
import { TextField } from '@vaadin/react-components/TextField.js';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import {
  type ResultsOverviewFilter,
  ResultsOverviewDocument,
  type ResultsOverviewQuery,
  type ResultsOverviewSort,
  type ResultsOverviewSortField,
  ResultsChangedDocument,
} from '../../gql/graphql';
import { subscribe, useQuery } from '../../lib/graphql';
import { useI18n, usePageTitle } from '../../lib/i18n';
import { formatDuration, useSelectedProduct } from '../../lib/results';
import { useSession } from '../../lib/session';

export const config: ViewConfig = { title: 'Resultaten' };

type Row = NonNullable<ResultsOverviewQuery['school']>['resultsOverview']['edges'][number]['node'];

/** RS1–RS3 (+ X4): the supervisor's students for one product, per ISO week, live. */
export default function ResultsOverviewView() {
  const { t } = useI18n();
  usePageTitle(t('results.title'));
  const { membership } = useSession();
  const schoolId = membership?.school.id ?? '';
  const isSupervisor = membership?.roles.includes('SUPERVISOR') ?? false;
  const { products, product, productId, selectProduct } = useSelectedProduct(isSupervisor ? schoolId : '');
  const [week, setWeek] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [gradeYear, setGradeYear] = useState('');
  const [noPractice, setNoPractice] = useState(false);
  const [testDue, setTestDue] = useState(false);
  const [sort, setSort] = useState<ResultsOverviewSort>({ field: 'NAME', direction: 'ASC' });
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [changed, setChanged] = useState<Set<string>>(new Set());

  const filter = useMemo<ResultsOverviewFilter>(
    () => ({
      search: search || undefined,
      gradeYears: gradeYear ? [Number(gradeYear)] : undefined,
      noPracticeThisWeek: noPractice || undefined,
      testDue: testDue || undefined,
    }),
    [search, gradeYear, noPractice, testDue],
  );
  useEffect(() => setCursors([null]), [filter, sort, week, productId, schoolId]);

  const { data, error, refetch } = useQuery(
    ResultsOverviewDocument,
    { schoolId, productId, week, first: 50, after: cursors[cursors.length - 1], filter, sort },
    !isSupervisor || !productId,
  );

  // X4: results posted by a product while the page is open appear without a reload
  useEffect(() => {
    if (!isSupervisor || !productId) return undefined;
    return subscribe(ResultsChangedDocument, { schoolId, productId }, (change) => {
      setChanged(new Set(change.resultsChanged.studentIds));
      refetch();
    });
  }, [isSupervisor, schoolId, productId, refetch]);

  if (!isSupervisor) {
    return <p role="alert">{t('results.supervisorsOnly')}</p>;
  }
  const overview = data?.school?.resultsOverview;
  const rows = overview?.edges.map((e) => e.node) ?? [];

  function sortHeader(field: ResultsOverviewSortField, label: string) {
    const active = sort.field === field;
    return () => (
      <button
        type="button"
        className="kp-sort"
        aria-pressed={active}
        onClick={() => setSort((s) => ({ field, direction: s.field === field && s.direction === 'ASC' ? 'DESC' : 'ASC' }))}
      >
        {label} {active ? (sort.direction === 'ASC' ? '▲' : '▼') : ''}
      </button>
    );
  }

  return (
    <section aria-labelledby="results-title">
      <div className="kp-admin-head">
        <h1 id="results-title">{t('results.title')}</h1>
        <span className="kp-spacer" />
        <Select
          label={t('admin.filter.product')}
          value={productId}
          items={products.map((p) => ({ label: p.name, value: p.id }))}
          onValueChanged={(e) => e.detail.value && selectProduct(e.detail.value)}
        />
        {product?.documentationUrl && (
          <a href={product.documentationUrl} target="_blank" rel="noreferrer">
            {t('results.documentation')}
          </a>
        )}
      </div>
      <div className="kp-filters">
        <TextField label={t('admin.search')} placeholder={t('results.searchPlaceholder')} value={search} clearButtonVisible onValueChanged={(e) => setSearch(e.detail.value)} />
        <Select
          label={t('admin.filter.gradeYear')}
          value={gradeYear}
          items={[{ label: t('admin.filter.all'), value: '' }, ...[1, 2, 3, 4, 5, 6, 7, 8].map((g) => ({ label: `${t('admin.gradeYearShort')} ${g}`, value: String(g) }))]}
          onValueChanged={(e) => setGradeYear(e.detail.value)}
        />
        <Checkbox label={t('results.noPractice')} checked={noPractice} onCheckedChanged={(e) => setNoPractice(e.detail.value)} />
        <Checkbox label={t('results.testDue')} checked={testDue} onCheckedChanged={(e) => setTestDue(e.detail.value)} />
      </div>
      <nav className="kp-week" aria-label={t('results.week')}>
        <Button theme="tertiary" aria-label={t('results.previousWeek')} disabled={!overview} onClick={() => setWeek(overview?.previousWeek ?? null)}>
          ◀
        </Button>
        <span aria-live="polite" className="kp-week-label">
          {t('results.week')} {overview?.week.replace(/^(\d{4})-W(\d{2})$/, '$2 ($1)')}
        </span>
        <Button theme="tertiary" aria-label={t('results.nextWeek')} disabled={!overview} onClick={() => setWeek(overview?.nextWeek ?? null)}>
          ▶
        </Button>
      </nav>
      {error && <p role="alert">{t('common.error')}</p>}
      <Grid items={rows} allRowsVisible aria-label={t('results.title')}>
        <GridColumn headerRenderer={sortHeader('NAME', t('admin.col.name'))} flexGrow={2}>
          {({ item }: { item: Row }) => (
            <Link to={`/resultaten/leerling/${item.studentId}`} className={changed.has(item.studentId) ? 'kp-changed' : undefined}>
              {item.displayName}
            </Link>
          )}
        </GridColumn>
        <GridColumn headerRenderer={sortHeader('GRADE_YEAR', t('admin.col.gradeYear'))} width="8rem" flexGrow={0}>
          {({ item }: { item: Row }) => <span>{item.gradeYear}</span>}
        </GridColumn>
        <GridColumn headerRenderer={sortHeader('HIGHEST_LESSON', t('results.highestLesson'))}>
          {({ item }: { item: Row }) => <span>{item.highestCompletedLesson ?? '—'}</span>}
        </GridColumn>
        <GridColumn headerRenderer={sortHeader('LESSONS_UNTIL_TEST', t('results.untilTest'))}>
          {({ item }: { item: Row }) => <span>{item.lessonsUntilNextTest ?? '—'}</span>}
        </GridColumn>
        <GridColumn header={t('results.atSchool')}>
          {({ item }: { item: Row }) => <span>{formatDuration(item.practiceTime.schoolSeconds)}</span>}
        </GridColumn>
        <GridColumn header={t('results.atHome')}>
          {({ item }: { item: Row }) => <span>{formatDuration(item.practiceTime.homeSeconds)}</span>}
        </GridColumn>
        <GridColumn headerRenderer={sortHeader('PRACTICE_TIME', t('results.total'))}>
          {({ item }: { item: Row }) => <span data-testid={`practice-total-${item.studentId}`}>{formatDuration(item.practiceTime.totalSeconds)}</span>}
        </GridColumn>
      </Grid>
      <nav className="kp-pager" aria-label={t('admin.paging')}>
        <Button disabled={cursors.length === 1} onClick={() => setCursors((c) => c.slice(0, -1))}>{t('admin.previous')}</Button>
        <span>{overview ? `${overview.totalCount} ${t('results.students')}` : ''}</span>
        <Button disabled={!overview?.pageInfo.hasNextPage} onClick={() => setCursors((c) => [...c, overview?.pageInfo.endCursor ?? null])}>
          {t('admin.next')}
        </Button>
      </nav>
    </section>
  );
}
