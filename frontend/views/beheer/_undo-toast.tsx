import { Button } from '@vaadin/react-components/Button.js';
import { Notification } from '@vaadin/react-components/Notification.js';
import { useState } from 'react';
import { AuditBatchUndoDocument } from '../../gql/graphql';
import { execute } from '../../lib/graphql';
import { useI18n } from '../../lib/i18n';

/** After a bulk action: what happened, with "Ongedaan maken" (X5: restores the batch's previous state). */
export function UndoToast({
  message,
  batchId,
  onUndone,
  onClosed,
}: {
  message: string;
  batchId: string | null;
  onUndone: () => void;
  onClosed: () => void;
}) {
  const { t } = useI18n();
  const [result, setResult] = useState<string | null>(null);

  async function undo() {
    if (!batchId) return;
    const undone = (await execute(AuditBatchUndoDocument, { input: { batchId } })).auditBatchUndo;
    setResult(undone.errors.length ? undone.errors.map((e) => e.message).join(' ') : t('admin.undone'));
    onUndone();
  }

  return (
    <Notification
      opened
      duration={result ? 6000 : 15000}
      position="bottom-start"
      onOpenedChanged={(e) => !e.detail.value && onClosed()}
    >
      <div className="kp-toast" role="status">
        <span>{result ?? message}</span>
        {batchId && !result && (
          <Button theme="tertiary-inline" onClick={() => void undo()}>
            {t('admin.undo')}
          </Button>
        )}
      </div>
    </Notification>
  );
}
