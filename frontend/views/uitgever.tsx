import type { ViewConfig } from '@vaadin/hilla-file-router/types.js';
import { Button } from '@vaadin/react-components/Button.js';
import { IntegerField } from '@vaadin/react-components/IntegerField.js';
import { Select } from '@vaadin/react-components/Select.js';
import { TextArea } from '@vaadin/react-components/TextArea.js';
import { TextField } from '@vaadin/react-components/TextField.js';
import { useState } from 'react';
import { Busy, LoadFailed } from '../components/Busy';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { type Column, DataTable } from '../components/DataTable';
import { EmptyState } from '../components/EmptyState';
import { fieldError, FormErrors } from '../components/FormErrors';
import { PageHeader } from '../components/PageHeader';
import {
  DashboardItemAddDocument,
  DashboardItemChangeDocument,
  DashboardItemDeleteDocument,
  type DashboardItemKind,
  type DashboardItemRowFragment,
  PublisherItemsDocument,
} from '../gql/graphql';
import { t } from '../i18n';
import { useFormat } from '../i18n/format';
import { useGqlMutation, useGqlQuery } from '../lib/data';
import { fieldErrors, generalErrors } from '../lib/errors';
import { useAttempt } from '../lib/submit';

export const config: ViewConfig = { title: 'publisher.title' };

const KINDS: DashboardItemKind[] = ['VIDEO', 'RECOMMENDATION', 'ANNOUNCEMENT'];
const FIELDS = ['title', 'body', 'url', 'position'];
const EMPTY = { kind: 'VIDEO' as DashboardItemKind, title: '', body: '', url: '', position: 0 };

/** D1: the publisher's videos, recommended programmes and announcements on every school's dashboard. PUBLISHER only. */
export default function PublisherView() {
  const format = useFormat();
  const query = useGqlQuery(PublisherItemsDocument, {});
  const add = useGqlMutation(DashboardItemAddDocument);
  const change = useGqlMutation(DashboardItemChangeDocument);
  const remove = useGqlMutation(DashboardItemDeleteDocument);
  const [editing, setEditing] = useState<string | null>(null);
  const [form, setForm] = useState(EMPTY);
  const { errors, setErrors, failure, message, attempt } = useAttempt();
  const [removing, setRemoving] = useState<DashboardItemRowFragment | null>(null);
  const fields = fieldErrors(errors);

  async function save() {
    const input = { title: form.title, body: form.body || null, url: form.url || null, position: form.position };
    const ok = await attempt(
      async () =>
        editing
          ? (await change.run({ input: { itemId: editing, ...input } })).dashboardItemUpdate.errors
          : (await add.run({ input: { kind: form.kind, ...input } })).dashboardItemCreate.errors,
      t('publisher.saved', { title: form.title }),
    );
    if (ok) {
      setEditing(null);
      setForm(EMPTY);
    }
  }

  if (query.error && !query.data) return <LoadFailed error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Busy />;
  if (!query.data.me?.publisher) {
    return (
      <section>
        <PageHeader id="publisher-title" title={t('publisher.title')} />
        <EmptyState title={t('publisher.notPublisher')} />
      </section>
    );
  }
  const kindName = (kind: DashboardItemKind) => t(`publisher.kind.${kind}`);
  const columns: Column<DashboardItemRowFragment>[] = [
    { key: 'kind', header: t('publisher.col.kind'), cell: (i) => kindName(i.kind) },
    { key: 'title', header: t('publisher.col.title'), cell: (i) => i.title },
    { key: 'position', header: t('publisher.col.position'), numeric: true, cell: (i) => format.number(i.position) },
    { key: 'published', header: t('publisher.col.published'), cell: (i) => format.date(i.publishedAt) },
    {
      key: 'actions',
      header: '',
      cell: (i) => (
        <span className="kp-badges">
          <Button
            theme="tertiary"
            aria-label={t('publisher.editItem', { title: i.title })}
            onClick={() => {
              setEditing(i.id);
              setErrors([]);
              setForm({ kind: i.kind, title: i.title, body: i.body ?? '', url: i.url ?? '', position: i.position });
            }}
          >
            {t('publisher.edit')}
          </Button>
          <Button theme="tertiary error" aria-label={t('publisher.removeItem', { title: i.title })} onClick={() => setRemoving(i)}>
            {t('publisher.remove')}
          </Button>
        </span>
      ),
    },
  ];

  return (
    <section aria-labelledby="publisher-title">
      <PageHeader id="publisher-title" title={t('publisher.title')} subtitle={t('publisher.explanation')} />
      <form className="kp-form" aria-label={editing ? t('publisher.editTitle') : t('publisher.addTitle')} onSubmit={(e) => { e.preventDefault(); void save(); }}>
        <h2>{editing ? t('publisher.editTitle') : t('publisher.addTitle')}</h2>
        <Select
          label={t('publisher.col.kind')}
          value={form.kind}
          disabled={!!editing}
          items={KINDS.map((k) => ({ label: kindName(k), value: k }))}
          onValueChanged={(e) => setForm((f) => ({ ...f, kind: e.detail.value as DashboardItemKind }))}
        />
        <TextField label={t('publisher.col.title')} value={form.title} required {...fieldError(fields.title)} onValueChanged={(e) => setForm((f) => ({ ...f, title: e.detail.value }))} />
        <TextArea label={t('publisher.body')} value={form.body} {...fieldError(fields.body)} onValueChanged={(e) => setForm((f) => ({ ...f, body: e.detail.value }))} />
        <TextField label={t('publisher.url')} helperText={t('publisher.urlHelp')} value={form.url} {...fieldError(fields.url)} onValueChanged={(e) => setForm((f) => ({ ...f, url: e.detail.value }))} />
        <IntegerField label={t('publisher.col.position')} value={String(form.position)} min={0} max={1000} {...fieldError(fields.position)} onValueChanged={(e) => setForm((f) => ({ ...f, position: Number(e.detail.value) || 0 }))} />
        <div className="kp-badges">
          <Button theme="primary" disabled={add.busy || change.busy} onClick={() => void save()}>
            {t('publisher.save')}
          </Button>
          {editing && (
            <Button onClick={() => { setEditing(null); setForm(EMPTY); setErrors([]); }}>
              {t('publisher.cancel')}
            </Button>
          )}
        </div>
      </form>
      <FormErrors errors={generalErrors(errors, FIELDS)} messages={failure ? [failure] : []} />
      {message && <p role="status">{message}</p>}
      <DataTable
        label={t('publisher.items')}
        rows={query.data.dashboardItems}
        rowKey={(i) => i.id}
        columns={columns}
        error={query.error}
        onRetry={() => void query.refetch()}
        empty={<EmptyState title={t('publisher.empty')} />}
      />
      <ConfirmDialog
        opened={removing !== null}
        title={t('publisher.removeTitle')}
        confirmText={t('publisher.remove')}
        danger
        busy={remove.busy}
        onCancel={() => setRemoving(null)}
        onConfirm={() => {
          const item = removing;
          setRemoving(null);
          if (item) void attempt(async () => (await remove.run({ input: { itemId: item.id } })).dashboardItemRemove.errors, t('publisher.removed', { title: item.title }));
        }}
      >
        {removing ? t('publisher.removeQuestion', { title: removing.title }) : ''}
      </ConfirmDialog>
    </section>
  );
}
