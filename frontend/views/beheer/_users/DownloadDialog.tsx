import { RadioButton } from '@vaadin/react-components/RadioButton.js';
import { RadioGroup } from '@vaadin/react-components/RadioGroup.js';
import { useState } from 'react';
import { Busy } from '../../../components/Busy';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { FormErrors } from '../../../components/FormErrors';
import type { SortState } from '../../../components/SortHeader';
import type { UserFilter, UserSortField } from '../../../gql/graphql';
import { t } from '../../../i18n';
import { requestFailure } from '../../../lib/errors';
import { downloadPost } from '../../../lib/files';

/**
 * "Downloaden" of "Kies een beheertaak" (B15, manual 4.11): the school's users as an Excel file, all of them or those
 * of the overview's current filter, in its order. The file is made while the dialog waits (busy, the button off).
 */
export function DownloadDialog({
  schoolId,
  filter,
  filtered,
  matching,
  sort,
  onClose,
}: {
  schoolId: string;
  filter: UserFilter;
  filtered: boolean;
  matching: number;
  sort: SortState<UserSortField>;
  onClose: () => void;
}) {
  const [which, setWhich] = useState<'all' | 'filter'>(filtered ? 'filter' : 'all');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function download() {
    setBusy(true);
    setFailure(null);
    try {
      await downloadPost(`/api/schools/${schoolId}/users.xlsx`, which === 'filter' ? { filter, sort } : { sort }, 'klaspoort-gebruikers.xlsx');
      onClose();
    } catch (e) {
      setFailure(requestFailure(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <ConfirmDialog opened title={t('download.title')} confirmText={t('download.confirm')} busy={busy} onConfirm={() => void download()} onCancel={onClose}>
      <p>{t('download.explain')}</p>
      <RadioGroup label={t('download.which')} value={which} onValueChanged={(e) => setWhich(e.detail.value as 'all' | 'filter')}>
        <RadioButton value="all" label={t('download.all')} />
        <RadioButton value="filter" label={t('download.filter', { count: matching })} disabled={!filtered} />
      </RadioGroup>
      {busy && <Busy label={t('download.busy')} />}
      <FormErrors messages={failure ? [failure] : []} />
    </ConfirmDialog>
  );
}
