import ReactECharts from 'echarts-for-react';
import { t } from '../../i18n';
import { useFormat } from '../../i18n/format';

export interface LicenceUse {
  product: { id: string; name: string };
  total: number;
  inUse: number;
}

/** A chart and, folded open on request, the same numbers as a table (for screen readers and keyboard users). */
function ChartWithTable({ description, option, tableLabel, table }: { description: string; option: object; tableLabel: string; table: React.ReactNode }) {
  return (
    <>
      <figure className="kp-chart" role="img" aria-label={description}>
        <ReactECharts option={option} style={{ height: 260 }} />
      </figure>
      <details className="kp-chart-table">
        <summary>{tableLabel}</summary>
        {table}
      </details>
    </>
  );
}

/** D1: licences in use against the total per product (bar chart, values on hover) and its table. */
export function LicenceChart({ use }: { use: readonly LicenceUse[] }) {
  const format = useFormat();
  const option = {
    aria: { enabled: true },
    tooltip: { trigger: 'axis', valueFormatter: (value: number) => format.number(value) },
    legend: { data: [t('dashboard.licences.inUse'), t('dashboard.licences.total')] },
    xAxis: { type: 'category', data: use.map((u) => u.product.name) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: t('dashboard.licences.inUse'), type: 'bar', data: use.map((u) => u.inUse) },
      { name: t('dashboard.licences.total'), type: 'bar', data: use.map((u) => u.total) },
    ],
  };
  return (
    <ChartWithTable
      description={t('dashboard.licences.description')}
      option={option}
      tableLabel={t('dashboard.licences.table')}
      table={
        <table className="kp-table" aria-label={t('dashboard.licences.title')} data-testid="licence-table">
          <thead>
            <tr>
              <th scope="col">{t('dashboard.licences.product')}</th>
              <th scope="col" className="kp-numeric">{t('dashboard.licences.inUse')}</th>
              <th scope="col" className="kp-numeric">{t('dashboard.licences.total')}</th>
            </tr>
          </thead>
          <tbody>
            {use.map((u) => (
              <tr key={u.product.id}>
                <th scope="row">{u.product.name}</th>
                <td className="kp-numeric">{format.number(u.inUse)}</td>
                <td className="kp-numeric">{format.number(u.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}

/** D1: active against archived users (pie chart, percentage and count on hover) and its table. */
export function UsersChart({ active, archived }: { active: number; archived: number }) {
  const format = useFormat();
  const all = active + archived;
  const percent = (n: number) => format.number(all === 0 ? 0 : (100 * n) / all, 0);
  const rows = [
    { name: t('dashboard.users.active'), value: active },
    { name: t('dashboard.users.archived'), value: archived },
  ];
  const option = {
    aria: { enabled: true },
    tooltip: { trigger: 'item', formatter: (p: { name: string; value: number }) => t('dashboard.users.tooltip', { name: p.name, percent: percent(p.value), count: format.number(p.value) }) },
    legend: { bottom: 0 },
    series: [{ type: 'pie', radius: '65%', data: rows }],
  };
  return (
    <ChartWithTable
      description={t('dashboard.users.description')}
      option={option}
      tableLabel={t('dashboard.users.table')}
      table={
        <table className="kp-table" aria-label={t('dashboard.users.title')} data-testid="users-table">
          <thead>
            <tr>
              <th scope="col">{t('dashboard.users.kind')}</th>
              <th scope="col" className="kp-numeric">{t('dashboard.users.count')}</th>
              <th scope="col" className="kp-numeric">{t('dashboard.users.percent')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.name}>
                <th scope="row">{r.name}</th>
                <td className="kp-numeric">{format.number(r.value)}</td>
                <td className="kp-numeric">{`${percent(r.value)}%`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
