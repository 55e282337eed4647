import { Button } from '@vaadin/react-components/Button.js';
import { useState } from 'react';
import { Busy } from '../../../components/Busy';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { EmptyState } from '../../../components/EmptyState';
import { FormErrors } from '../../../components/FormErrors';
import { SchoolPickersDocument, StudentProductsSetDocument } from '../../../gql/graphql';
import { t } from '../../../i18n';
import { useGqlMutation, useGqlQuery } from '../../../lib/data';
import { useSubmit } from '../../../lib/submit';
import { LinkRows, linkRowErrors } from '../_task/LinkRows';
import type { LinkRow } from '../_task/runTask';
import type { Member } from './types';

function rowsOf(member: Member): LinkRow[] {
  return member.enrollments.map((e) => ({ productId: e.product.id, supervisorIds: e.supervisors.map((s) => s.id) }));
}

/**
 * B18: a student's products, each with its supervisors: add a product, add or drop supervisors, remove a product; saved
 * at once (`studentProductsSet`). Without products the student is archived, so that asks first.
 */
export function StudentProducts({ schoolId, member, onSaved }: { schoolId: string; member: Member; onSaved: (message: string) => void }) {
  const pickers = useGqlQuery(SchoolPickersDocument, { schoolId });
  const save = useGqlMutation(StudentProductsSetDocument);
  const [rows, setRows] = useState<LinkRow[]>(() => rowsOf(member));
  const [checked, setChecked] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const { errors, submit: attempt } = useSubmit();
  const school = pickers.data?.school;

  async function send() {
    setConfirming(false);
    if (await attempt(async () => (await save.run({ input: { schoolId, studentId: member.id, links: rows } })).studentProductsSet.errors)) {
      setChecked(false);
      onSaved(t('profile.productsSaved'));
    }
  }

  function submit() {
    setChecked(true);
    if (rows.some((row) => Object.values(linkRowErrors(row)).some(Boolean))) return;
    if (rows.length === 0) setConfirming(true);
    else void send();
  }

  return (
    <section aria-labelledby="products-title" className="kp-task-form">
      <h2 id="products-title">{t('profile.productsAndSupervisors')}</h2>
      {member.enrollments.length === 0 && <EmptyState title={t('profile.noProducts')} hint={t('profile.noProductsHint')} />}
      {member.archived && <p className="kp-notice">{t('profile.archivedLinksDearchive')}</p>}
      {pickers.isPending && <Busy />}
      <LinkRows rows={rows} products={school?.products ?? []} supervisors={school?.supervisors ?? []} showErrors={checked} allowEmpty onChange={setRows} />
      {!member.archived && <p className="kp-hint">{t('profile.lastProductArchives')}</p>}
      <FormErrors messages={errors} />
      <div className="kp-buttons">
        <Button theme="primary" disabled={save.busy} onClick={submit}>
          {t('profile.saveProducts')}
        </Button>
      </div>
      <ConfirmDialog
        opened={confirming}
        title={t('profile.confirmNoProducts.title')}
        confirmText={t('profile.confirmNoProducts.confirm')}
        danger
        busy={save.busy}
        onCancel={() => setConfirming(false)}
        onConfirm={() => void send()}
      >
        {t('profile.confirmNoProducts.text')}
      </ConfirmDialog>
    </section>
  );
}
