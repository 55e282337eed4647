import { Button } from '@vaadin/react-components/Button.js';
import { t } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { addWeeks, monday, parseWeek } from '../../lib/week';

/**
 * The week shown (number and dates) with arrows to step through weeks (RS2). The next arrow stops at the current
 * week: there are no results in the future.
 */
export function WeekNav({ week, current, onChange }: { week: string; current: string; onChange: (week: string) => void }) {
  const format = useFormat();
  const start = monday(parseWeek(week));
  const end = new Date(start);
  end.setUTCDate(start.getUTCDate() + 6);
  const atCurrent = week >= current;
  return (
    <nav className="kp-week" aria-label={t('results.week')}>
      <Button theme="tertiary" aria-label={t('results.previousWeek')} onClick={() => onChange(addWeeks(week, -1))}>
        ◀
      </Button>
      <span aria-live="polite" className="kp-week-label">
        {t('results.weekLabel', { week: parseWeek(week).week, from: format.date(start), to: format.date(end) })}
      </span>
      <Button
        theme="tertiary"
        aria-label={t('results.nextWeek')}
        aria-describedby={atCurrent ? 'kp-current-week' : undefined}
        disabled={atCurrent}
        onClick={() => onChange(addWeeks(week, 1))}
      >
        ▶
      </Button>
      {atCurrent && (
        <span id="kp-current-week" className="kp-hint">
          {t('results.currentWeek')}
        </span>
      )}
    </nav>
  );
}
