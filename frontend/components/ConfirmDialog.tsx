import { Button } from '@vaadin/react-components/Button.js';
import { Dialog } from '@vaadin/react-components/Dialog.js';
import type { ReactNode } from 'react';
import { t } from '../i18n';

/**
 * Asks before an action that cannot simply be taken back (archive, a new password): a title, what will happen, and
 * the action itself as the confirm button. A plain Dialog: Vaadin's ConfirmDialog rendered without header and
 * buttons here.
 */
export function ConfirmDialog({
  opened,
  title,
  confirmText,
  danger = false,
  busy = false,
  onConfirm,
  onCancel,
  children,
}: {
  opened: boolean;
  title: string;
  confirmText: string;
  danger?: boolean;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  return (
    <Dialog
      opened={opened}
      headerTitle={title}
      onOpenedChanged={(e) => !e.detail.value && onCancel()}
      footerRenderer={() => (
        <>
          <Button onClick={onCancel}>{t('common.cancel')}</Button>
          <Button theme={danger ? 'primary error' : 'primary'} disabled={busy} onClick={onConfirm}>
            {confirmText}
          </Button>
        </>
      )}
    >
      <div className="kp-confirm">{children}</div>
    </Dialog>
  );
}
