import { ProgressBar } from '@vaadin/react-components/ProgressBar.js';
import { t } from '../i18n';
import { errorText, requestErrors } from '../lib/errors';

/** Shown while data loads: an indeterminate bar and a text that screen readers announce. */
export function Busy({ label }: { label?: string }) {
  return (
    <div className="kp-busy" role="status">
      <ProgressBar indeterminate aria-label={label ?? t('app.busy')} />
      <span>{label ?? t('app.busy')}</span>
    </div>
  );
}

/**
 * A load that failed: what happened (the server's reason when it refused the request, e.g. an argument out of range),
 * what to do, and a way to try again.
 */
export function LoadFailed({ error, onRetry }: { error?: unknown; onRetry: () => void }) {
  const reasons = requestErrors(error).map(errorText);
  return (
    <div className="kp-load-failed" role="alert">
      <p>
        <strong>{t('app.loadFailed')}</strong> {reasons.length ? reasons.join(' ') : t('app.loadFailedHint')}
      </p>
      <button type="button" className="kp-link-button" onClick={onRetry}>
        {t('app.retry')}
      </button>
    </div>
  );
}
