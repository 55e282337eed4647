import type { ViewConfig } from '@vaadin/hilla-file-router/types.js';
import { Checkbox } from '@vaadin/react-components/Checkbox.js';
import { Select } from '@vaadin/react-components/Select.js';
import { TextField } from '@vaadin/react-components/TextField.js';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { MenuDetail } from '../../components/AdminNav';
import { Busy, LoadFailed } from '../../components/Busy';
import { type Column, DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { FilterSelect } from '../../components/FilterSelect';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import { nextSort, type SortState } from '../../components/SortHeader';
import {
  ResultsChangedDocument,
  ResultsOverviewDocument,
  type ResultsOverviewQuery,
  type ResultsOverviewSortField,
} from '../../gql/graphql';
import { t, useLanguage } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { useDebounced, useGqlQuery } from '../../lib/data';
import { subscribe } from '../../lib/graphql';
import { useSelectedProduct } from '../../lib/results';
import { useSession } from '../../lib/session';
import { currentWeek } from '../../lib/week';
import { WeekNav } from './_week-nav';

export const config: ViewConfig<MenuDetail> = {
  title: 'results.title',
  menu: { order: 2 },
  detail: { main: { title: 'nav.results', role: 'SUPERVISOR', professionalsOnly: true } },
};

type Row = NonNullable<ResultsOverviewQuery['school']>['resultsOverview']['edges'][number]['node'];
const GRADE_YEARS = [1, 2, 3, 4, 5, 6, 7, 8];

/** RS1–RS3 (+ X4): the supervisor's students for one product, per ISO week, live. */
export default function ResultsOverviewView() {
  const { schoolId, hasRole } = useSession();
  const format = useFormat();
  const language = useLanguage();
  const isSupervisor = hasRole('SUPERVISOR');
  const products = useSelectedProduct(isSupervisor ? schoolId : '');
  const { productId, product } = products;
  const thisWeek = currentWeek();
  const [week, setWeek] = useState(thisWeek);
  const [search, setSearch] = useState('');
  const [gradeYear, setGradeYear] = useState<string | undefined>();
  const [noPractice, setNoPractice] = useState(false);
  const [testDue, setTestDue] = useState(false);
  const [sort, setSort] = useState<SortState<ResultsOverviewSortField>>({ field: 'NAME', direction: 'ASC' });
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [changed, setChanged] = useState<ReadonlySet<string>>(new Set());
  const debouncedSearch = useDebounced(search, 250);
  // stable items: a Select whose items change while it is open loses the click on an option
  const productItems = useMemo(() => products.products.map((p) => ({ label: p.name, value: p.id })), [products.products]);
  const gradeYearOptions = useMemo(() => GRADE_YEARS.map((g) => ({ label: t('admin.gradeYearOption', { gradeYear: g }), value: String(g) })), [language]);

  const filter = useMemo(
    () => ({
      search: debouncedSearch || undefined,
      gradeYears: gradeYear ? [Number(gradeYear)] : undefined,
      noPracticeThisWeek: noPractice || undefined,
      testDue: testDue || undefined,
    }),
    [debouncedSearch, gradeYear, noPractice, testDue],
  );
  useEffect(() => setCursors([null]), [filter, sort, week, productId, schoolId]);

  const query = useGqlQuery(
    ResultsOverviewDocument,
    { schoolId, productId, week, first: 50, after: cursors[cursors.length - 1], filter, sort },
    { enabled: isSupervisor && !!productId, keepPrevious: true },
  );
  const { refetch } = query;

  // X4: results posted by a product while the page is open appear without a reload
  useEffect(() => {
    if (!isSupervisor || !productId) return undefined;
    return subscribe(ResultsChangedDocument, { schoolId, productId }, (change) => {
      setChanged(new Set(change.resultsChanged.studentIds));
      void refetch();
    });
  }, [isSupervisor, schoolId, productId, refetch]);

  if (!isSupervisor) {
    return <EmptyState title={t('results.supervisorsOnly')} />;
  }
  const overview = query.data?.school?.resultsOverview;
  // another week's numbers are never shown under this week's heading: they are replaced by the busy state
  const otherWeek = !!overview && overview.week !== week;
  const rows = overview && !otherWeek ? overview.edges.map((e) => e.node) : [];
  const filtered = !!(filter.search || filter.gradeYears || filter.noPracticeThisWeek || filter.testDue);

  const columns: Column<Row, ResultsOverviewSortField>[] = [
    {
      key: 'name',
      header: t('admin.col.name'),
      sort: 'NAME',
      cell: (row) => (
        <Link to={`/resultaten/leerling/${row.studentId}`} className={changed.has(row.studentId) ? 'kp-changed' : undefined}>
          {row.displayName}
        </Link>
      ),
    },
    { key: 'grade', header: t('admin.col.gradeYear'), sort: 'GRADE_YEAR', numeric: true, cell: (row) => (row.gradeYear == null ? t('common.none') : format.number(row.gradeYear)) },
    { key: 'lesson', header: t('results.highestLesson'), sort: 'HIGHEST_LESSON', numeric: true, cell: (row) => (row.highestCompletedLesson == null ? t('common.none') : format.number(row.highestCompletedLesson)) },
    { key: 'test', header: t('results.untilTest'), sort: 'LESSONS_UNTIL_TEST', numeric: true, cell: (row) => (row.lessonsUntilNextTest == null ? t('common.none') : format.number(row.lessonsUntilNextTest)) },
    { key: 'school', header: t('results.atSchool'), numeric: true, cell: (row) => format.duration(row.practiceTime.schoolSeconds) },
    { key: 'home', header: t('results.atHome'), numeric: true, cell: (row) => format.duration(row.practiceTime.homeSeconds) },
    {
      key: 'total',
      header: t('results.total'),
      sort: 'PRACTICE_TIME',
      numeric: true,
      cell: (row) => <span data-testid={`practice-total-${row.studentId}`}>{format.duration(row.practiceTime.totalSeconds)}</span>,
    },
  ];

  return (
    <section aria-labelledby="results-title">
      <PageHeader id="results-title" title={t('results.title')}>
        {productItems.length > 0 && (
          <Select
            label={t('admin.filter.product')}
            value={productId}
            items={productItems}
            onValueChanged={(e) => e.detail.value && e.detail.value !== productId && products.selectProduct(e.detail.value)}
          />
        )}
        {product?.documentationUrl && (
          <a href={product.documentationUrl} target="_blank" rel="noreferrer">
            {t('results.documentation')}
          </a>
        )}
      </PageHeader>
      {products.loading && <Busy />}
      {products.error && <LoadFailed onRetry={products.retry} />}
      {!products.loading && !products.error && products.products.length === 0 && (
        <EmptyState title={t('results.noProducts')} hint={t('results.noProductsHint')} />
      )}
      {productId && (
        <>
          <div className="kp-filters">
            <TextField label={t('admin.search')} placeholder={t('results.searchPlaceholder')} value={search} clearButtonVisible onValueChanged={(e) => setSearch(e.detail.value)} />
            <FilterSelect
              label={t('admin.filter.gradeYear')}
              value={gradeYear}
              options={gradeYearOptions}
              onChange={setGradeYear}
            />
            <Checkbox label={t('results.noPractice')} checked={noPractice} onCheckedChanged={(e) => setNoPractice(e.detail.value)} />
            <Checkbox label={t('results.testDue')} checked={testDue} onCheckedChanged={(e) => setTestDue(e.detail.value)} />
          </div>
          <WeekNav week={week} current={thisWeek} onChange={setWeek} />
          <DataTable
            label={t('results.title')}
            rows={rows}
            rowKey={(row) => row.studentId}
            columns={columns}
            sort={sort}
            onSort={(field) => setSort((s) => nextSort(s, field))}
            loading={!overview || otherWeek}
            stale={query.stale}
            error={query.error}
            onRetry={() => void refetch()}
            empty={
              filtered ? (
                <EmptyState title={t('results.noMatch')} hint={t('results.noMatchHint')} />
              ) : (
                <EmptyState title={t('results.noStudents', { product: product?.name ?? '' })} hint={t('results.noStudentsHint')} />
              )
            }
          />
          {overview && !otherWeek && overview.totalCount > 0 && (
            <Pager
              page={cursors.length - 1}
              hasNext={overview.pageInfo.hasNextPage}
              busy={query.busy}
              onPrevious={() => setCursors((c) => c.slice(0, -1))}
              onNext={() => setCursors((c) => [...c, overview.pageInfo.endCursor ?? null])}
            >
              {t('results.studentCount', { count: overview.totalCount })}
            </Pager>
          )}
        </>
      )}
    </section>
  );
}
