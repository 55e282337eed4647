import { Button } from '@vaadin/react-components/Button.js';
import { Notification } from '@vaadin/react-components/Notification.js';
import { useState } from 'react';
import { AuditBatchUndoDocument } from '../gql/graphql';
import { useGqlMutation } from '../lib/data';
import { errorText, requestFailure } from '../lib/errors';
import { t } from '../i18n';

/** Undoes one audit batch (X5); shared by the toast after a bulk task and the audit log's rows. */
export function useUndo() {
  const mutation = useGqlMutation(AuditBatchUndoDocument);
  return {
    busy: mutation.busy,
    /** Undoes the batch; resolves with what to tell the user. */
    undo: async (batchId: string): Promise<string> => {
      try {
        const result = (await mutation.run({ input: { batchId } })).auditBatchUndo;
        return result.errors.length ? result.errors.map(errorText).join(' ') : t('admin.undone');
      } catch (e) {
        return requestFailure(e);
      }
    },
  };
}

/** After a bulk task: what happened, with "Ongedaan maken" (X5: restores the batch's previous state). */
export function UndoToast({ message, batchId, onClosed }: { message: string; batchId: string | null; onClosed: () => void }) {
  const { undo, busy } = useUndo();
  const [result, setResult] = useState<string | null>(null);
  return (
    <Notification opened duration={result ? 6000 : 15000} position="bottom-start" onOpenedChanged={(e) => !e.detail.value && onClosed()}>
      <div className="kp-toast" role="status">
        <span>{result ?? message}</span>
        {batchId && !result && (
          <Button theme="tertiary-inline" disabled={busy} onClick={() => void undo(batchId).then(setResult)}>
            {t('admin.undo')}
          </Button>
        )}
      </div>
    </Notification>
  );
}
