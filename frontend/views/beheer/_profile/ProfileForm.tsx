import { Button } from '@vaadin/react-components/Button.js';
import { EmailField } from '@vaadin/react-components/EmailField.js';
import { IntegerField } from '@vaadin/react-components/IntegerField.js';
import { TextField } from '@vaadin/react-components/TextField.js';
import { useState } from 'react';
import { fieldError, FormErrors } from '../../../components/FormErrors';
import { UserUpdateDocument } from '../../../gql/graphql';
import { t } from '../../../i18n';
import { useGqlMutation } from '../../../lib/data';
import { fieldErrors, generalErrors, requestFailure, type ServerError } from '../../../lib/errors';
import type { Member } from './types';

interface Form {
  firstName: string;
  namePrefix: string;
  lastName: string;
  email: string;
  function: string;
  username: string;
  gradeYear: number | null;
  group: string;
}

function formOf(member: Member): Form {
  const u = member.user;
  return {
    firstName: u.firstName,
    namePrefix: u.namePrefix ?? '',
    lastName: u.lastName,
    email: u.__typename === 'Professional' ? u.email : '',
    function: u.__typename === 'Professional' ? (u.function ?? '') : '',
    username: u.username,
    gradeYear: u.__typename === 'Student' ? u.gradeYear : null,
    group: u.__typename === 'Student' ? (u.group ?? '') : '',
  };
}

const FIELDS = ['firstName', 'namePrefix', 'lastName', 'email', 'function', 'username', 'gradeYear', 'group'];

/** B16: the profile's fields, read-only until "Wijzig profiel"; saved with one mutation, errors at their fields. */
export function ProfileForm({ schoolId, member, editable, own = false, onSaved }: { schoolId: string; member: Member; editable: boolean; own?: boolean; onSaved: () => void }) {
  const update = useGqlMutation(UserUpdateDocument);
  const [editing, setEditing] = useState(false);
  const [form, setForm] = useState<Form>(() => formOf(member));
  const [errors, setErrors] = useState<readonly ServerError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const isStudent = member.user.__typename === 'Student';
  const fields = fieldErrors(errors);
  const readonly = !editing;
  const set = <K extends keyof Form>(key: K, value: Form[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setErrors((es) => es.filter((e) => e.field !== key));
  };

  async function save() {
    setFailure(null);
    try {
      const result = (
        await update.run({
          input: {
            schoolId,
            userId: member.id,
            firstName: form.firstName,
            namePrefix: form.namePrefix || null,
            lastName: form.lastName,
            email: isStudent ? null : form.email,
            function: isStudent ? null : form.function || null,
            username: isStudent ? form.username : null,
            gradeYear: isStudent ? form.gradeYear : null,
            group: isStudent ? form.group || null : null,
          },
        })
      ).userUpdate;
      setErrors(result.errors);
      if (!result.errors.length) {
        setEditing(false);
        onSaved();
      }
    } catch (e) {
      setFailure(requestFailure(e));
    }
  }

  return (
    <div className="kp-form">
      <TextField label={t('profile.firstName')} required readonly={readonly} value={form.firstName} {...fieldError(fields.firstName)} onValueChanged={(e) => set('firstName', e.detail.value)} />
      <TextField label={t('profile.namePrefix')} readonly={readonly} value={form.namePrefix} {...fieldError(fields.namePrefix)} onValueChanged={(e) => set('namePrefix', e.detail.value)} />
      <TextField label={t('profile.lastName')} required readonly={readonly} value={form.lastName} {...fieldError(fields.lastName)} onValueChanged={(e) => set('lastName', e.detail.value)} />
      {isStudent ? (
        <>
          <TextField label={t('admin.col.username')} required readonly={readonly} value={form.username} {...fieldError(fields.username)} onValueChanged={(e) => set('username', e.detail.value)} />
          <IntegerField label={t('admin.col.gradeYear')} required readonly={readonly} min={1} max={8} value={form.gradeYear?.toString() ?? ''} {...fieldError(fields.gradeYear)} onValueChanged={(e) => set('gradeYear', e.detail.value ? Number(e.detail.value) : null)} />
          <TextField label={t('profile.group')} readonly={readonly} value={form.group} onValueChanged={(e) => set('group', e.detail.value)} />
        </>
      ) : (
        <>
          {/* one's own login e-mail changes only with the password and a confirmed new address (OwnEmail, below) */}
          <EmailField label={t('profile.email')} required readonly={readonly || own} helperText={own && editing ? t('emailChange.profileHint') : undefined} value={form.email} {...fieldError(fields.email)} onValueChanged={(e) => set('email', e.detail.value)} />
          <TextField label={t('profile.function')} readonly={readonly} value={form.function} onValueChanged={(e) => set('function', e.detail.value)} />
        </>
      )}
      <FormErrors errors={generalErrors(errors, FIELDS)} messages={failure ? [failure] : []} />
      {editable && (
        <div className="kp-buttons">
          {editing ? (
            <>
              <Button onClick={() => { setEditing(false); setErrors([]); setForm(formOf(member)); }}>{t('common.cancel')}</Button>
              <Button theme="primary" disabled={update.busy} onClick={() => void save()}>
                {t('profile.save')}
              </Button>
            </>
          ) : (
            <Button theme="primary" onClick={() => setEditing(true)}>
              {t('profile.edit')}
            </Button>
          )}
        </div>
      )}
    </div>
  );
}
