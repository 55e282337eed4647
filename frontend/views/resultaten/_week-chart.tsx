import ReactECharts from 'echarts-for-react';
import { t } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { currentWeek, parseWeek, weeksBetween } from '../../lib/week';

interface WeekTime {
  week: string;
  practiceTime: { schoolSeconds: number; homeSeconds: number; totalSeconds: number };
}

/**
 * RS4: practice time per week, oldest week on the left, every week from the first practice up to this week (weeks
 * without practice show as zero), and the same numbers as a table for screen readers and keyboard users.
 */
export function WeekChart({ weeks }: { weeks: readonly WeekTime[] }) {
  const format = useFormat();
  if (weeks.length === 0) return null;
  const byWeek = new Map(weeks.map((w) => [w.week, w.practiceTime]));
  const oldest = [...byWeek.keys()].sort()[0];
  const all = weeksBetween(oldest, currentWeek());
  const time = (week: string) => byWeek.get(week) ?? { schoolSeconds: 0, homeSeconds: 0, totalSeconds: 0 };
  const minutes = (seconds: number) => Math.round(seconds / 60);
  const label = (week: string) => t('results.weekShort', { week: parseWeek(week).week });
  const option = {
    aria: { enabled: true },
    tooltip: { trigger: 'axis' },
    legend: { data: [t('results.atSchool'), t('results.atHome')] },
    xAxis: { type: 'category', data: all.map(label) },
    yAxis: { type: 'value', name: t('results.minutes') },
    series: [
      { name: t('results.atSchool'), type: 'bar', stack: 'time', data: all.map((w) => minutes(time(w).schoolSeconds)) },
      { name: t('results.atHome'), type: 'bar', stack: 'time', data: all.map((w) => minutes(time(w).homeSeconds)) },
    ],
  };
  const description = t('results.chartDescription', { from: parseWeek(all[0]).week, to: parseWeek(all[all.length - 1]).week });
  return (
    <>
      <figure className="kp-chart" role="img" aria-label={description}>
        <ReactECharts option={option} style={{ height: 280 }} />
      </figure>
      <details className="kp-chart-table">
        <summary>{t('results.perWeekTable')}</summary>
        <table className="kp-table kp-week-table" aria-label={t('results.perWeek')}>
          <thead>
            <tr>
              <th scope="col">{t('results.week')}</th>
              <th scope="col" className="kp-numeric">{t('results.atSchool')}</th>
              <th scope="col" className="kp-numeric">{t('results.atHome')}</th>
              <th scope="col" className="kp-numeric">{t('results.total')}</th>
            </tr>
          </thead>
          <tbody>
            {all.map((week) => (
              <tr key={week}>
                <th scope="row">{`${t('results.week')} ${format.number(parseWeek(week).week)}`}</th>
                <td className="kp-numeric">{format.duration(time(week).schoolSeconds)}</td>
                <td className="kp-numeric">{format.duration(time(week).homeSeconds)}</td>
                <td className="kp-numeric">{format.duration(time(week).totalSeconds)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </>
  );
}
