import { Button } from '@vaadin/react-components/Button.js';
import type { ReactNode } from 'react';
import { t } from '../i18n';

/** Keyset paging: a stack of cursors (null = first page), "Vorige"/"Volgende" and what is shown in between. */
export function Pager({
  page,
  hasNext,
  busy,
  onPrevious,
  onNext,
  children,
}: {
  page: number;
  hasNext: boolean;
  busy?: boolean;
  onPrevious: () => void;
  onNext: () => void;
  children?: ReactNode;
}) {
  return (
    <nav className="kp-pager" aria-label={t('common.paging')}>
      <Button disabled={page === 0 || busy} onClick={onPrevious}>
        {t('common.previous')}
      </Button>
      <span aria-live="polite">{children}</span>
      <Button disabled={!hasNext || busy} onClick={onNext}>
        {t('common.next')}
      </Button>
    </nav>
  );
}
