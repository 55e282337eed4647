import { ProgressBar } from '@vaadin/react-components/ProgressBar.js';
import { t } from '../i18n';

/** Shown while data loads: an indeterminate bar and a text that screen readers announce. */
export function Busy({ label }: { label?: string }) {
  return (
    <div className="kp-busy" role="status">
      <ProgressBar indeterminate aria-label={label ?? t('app.busy')} />
      <span>{label ?? t('app.busy')}</span>
    </div>
  );
}

/** A load that failed: what happened, what to do, and a way to try again. */
export function LoadFailed({ onRetry }: { onRetry: () => void }) {
  return (
    <div className="kp-load-failed" role="alert">
      <p>
        <strong>{t('app.loadFailed')}</strong> {t('app.loadFailedHint')}
      </p>
      <button type="button" className="kp-link-button" onClick={onRetry}>
        {t('app.retry')}
      </button>
    </div>
  );
}
