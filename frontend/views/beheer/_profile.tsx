import { Button } from '@vaadin/react-components/Button.js';
import { Checkbox } from '@vaadin/react-components/Checkbox.js';
import { EmailField } from '@vaadin/react-components/EmailField.js';
import { IntegerField } from '@vaadin/react-components/IntegerField.js';
import { TextField } from '@vaadin/react-components/TextField.js';
import { useEffect, useState } from 'react';
import {
  type AdminErrorFragment,
  ProfessionalRolesSetDocument,
  type Role,
  SchoolUserProfileDocument,
  StudentCredentialsResetDocument,
  StudentProductsSetDocument,
  UsersArchiveDocument,
  UserUpdateDocument,
} from '../../gql/graphql';
import { execute, useQuery } from '../../lib/graphql';
import { type MessageKey, useI18n, usePageTitle } from '../../lib/i18n';
import { useSession } from '../../lib/session';

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

/** B16–B18: a user's profile; "Wijzig profiel" for admins; roles/products; reset a student's login (B17). */
export function Profile({ userId }: { userId: string }) {
  const { t } = useI18n();
  const { membership } = useSession();
  const schoolId = membership?.school.id ?? '';
  const isAdmin = membership?.roles.includes('ADMIN') ?? false;
  const { data, error, refetch } = useQuery(SchoolUserProfileDocument, { schoolId, userId }, !schoolId);
  const member = data?.school?.user;
  const [editing, setEditing] = useState(false);
  const [form, setForm] = useState<Form | null>(null);
  const [errors, setErrors] = useState<readonly AdminErrorFragment[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [credentials, setCredentials] = useState<{ username: string; password?: string | null } | null>(null);
  usePageTitle(member?.user.displayName ?? t('profile.title'));

  useEffect(() => {
    if (member) {
      const u = member.user;
      setForm({
        firstName: u.firstName,
        namePrefix: u.namePrefix ?? '',
        lastName: u.lastName,
        email: u.__typename === 'Professional' ? u.email : '',
        function: u.__typename === 'Professional' ? (u.function ?? '') : '',
        username: u.username,
        gradeYear: u.__typename === 'Student' ? u.gradeYear : null,
        group: u.__typename === 'Student' ? (u.group ?? '') : '',
      });
    }
  }, [member]);

  if (error || (data && !member)) {
    return <p role="alert">{t('profile.notFound')}</p>;
  }
  if (!member || !form) {
    return <p>{t('common.loading')}</p>;
  }
  const user = member.user;
  const isStudent = user.__typename === 'Student';
  const readOnly = member.archived || !isAdmin;
  const set = <K extends keyof Form>(key: K, value: Form[K]) => {
    setForm((f) => (f ? { ...f, [key]: value } : f));
    // a field's error goes as soon as it is edited, so the form does not shift under the next click
    setErrors((es) => (es.some((e) => e.field === key) ? es.filter((e) => e.field !== key) : es));
  };
  const fieldError = (field: string) => errors.find((e) => e.field === field)?.message;

  /** Runs an action; a failure of the request itself is shown, never swallowed. */
  async function attempt(action: () => Promise<void>) {
    try {
      await action();
    } catch (e) {
      setMessage(`${t('common.error')} ${(e as Error).message}`);
    }
  }

  async function saveProfile() {
    if (!form) return;
    const result = (
      await execute(UserUpdateDocument, {
        input: {
          schoolId,
          userId,
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
      setMessage(t('profile.saved'));
      refetch();
    }
  }

  async function archive() {
    const result = (await execute(UsersArchiveDocument, { input: { schoolId, userIds: [userId] } })).usersArchive;
    setErrors(result.errors);
    if (!result.errors.length) {
      setMessage(t('profile.archived'));
      refetch();
    }
  }

  async function resetPassword() {
    const result = (
      await execute(StudentCredentialsResetDocument, { input: { schoolId, studentId: userId, generatePassword: true } })
    ).studentCredentialsReset;
    setErrors(result.errors);
    if (result.credentials) setCredentials(result.credentials);
  }

  async function setRoles(roles: Role[]) {
    const result = (
      await execute(ProfessionalRolesSetDocument, { input: { schoolId, userId, roles } })
    ).professionalRolesSet;
    setErrors(result.errors);
    if (!result.errors.length) refetch();
  }

  async function removeProduct(productId: string) {
    const links = member!.enrollments
      .filter((e) => e.product.id !== productId)
      .map((e) => ({ productId: e.product.id, supervisorIds: e.supervisors.map((s) => s.id) }));
    const result = (await execute(StudentProductsSetDocument, { input: { schoolId, studentId: userId, links } }))
      .studentProductsSet;
    setErrors(result.errors);
    if (!result.errors.length) refetch();
  }

  return (
    <section aria-labelledby="profile-title" className="kp-profile">
      <h1 id="profile-title">{user.displayName}</h1>
      <p className="kp-subtitle">
        {member.roles.map((r) => t(`role.${r}` as MessageKey)).join(', ')}
        {member.archived && ` · ${t('profile.archivedBadge')}`}
      </p>
      {message && <p role="status">{message}</p>}
      {errors.filter((e) => !e.field).map((e, i) => (
        <p key={i} role="alert" className="kp-error">{e.message}</p>
      ))}

      <div className="kp-form">
        <TextField label={t('profile.firstName')} required readonly={!editing} value={form.firstName} invalid={!!fieldError('firstName')} errorMessage={fieldError('firstName')} onValueChanged={(e) => set('firstName', e.detail.value)} />
        <TextField label={t('profile.namePrefix')} readonly={!editing} value={form.namePrefix} onValueChanged={(e) => set('namePrefix', e.detail.value)} />
        <TextField label={t('profile.lastName')} required readonly={!editing} value={form.lastName} invalid={!!fieldError('lastName')} errorMessage={fieldError('lastName')} onValueChanged={(e) => set('lastName', e.detail.value)} />
        {isStudent ? (
          <>
            <TextField label={t('admin.col.username')} required readonly={!editing} value={form.username} invalid={!!fieldError('username')} errorMessage={fieldError('username')} onValueChanged={(e) => set('username', e.detail.value)} />
            <IntegerField label={t('admin.col.gradeYear')} required readonly={!editing} min={1} max={8} value={form.gradeYear?.toString() ?? ''} invalid={!!fieldError('gradeYear')} errorMessage={fieldError('gradeYear')} onValueChanged={(e) => set('gradeYear', e.detail.value ? Number(e.detail.value) : null)} />
            <TextField label={t('profile.group')} readonly={!editing} value={form.group} onValueChanged={(e) => set('group', e.detail.value)} />
          </>
        ) : (
          <>
            <EmailField label={t('profile.email')} required readonly={!editing} value={form.email} invalid={!!fieldError('email')} errorMessage={fieldError('email')} onValueChanged={(e) => set('email', e.detail.value)} />
            <TextField label={t('profile.function')} readonly={!editing} value={form.function} onValueChanged={(e) => set('function', e.detail.value)} />
          </>
        )}
        {!readOnly && (
          <div className="kp-buttons">
            {editing ? (
              <>
                <Button onClick={() => { setEditing(false); setErrors([]); refetch(); }}>{t('common.cancel')}</Button>
                <Button theme="primary" onClick={() => void attempt(saveProfile)}>{t('profile.save')}</Button>
              </>
            ) : (
              <Button theme="primary" onClick={() => setEditing(true)}>{t('profile.edit')}</Button>
            )}
          </div>
        )}
        {member.archived && <p>{t('profile.readOnlyArchived')}</p>}
      </div>

      {isStudent ? (
        <section aria-labelledby="products-title">
          <h2 id="products-title">{t('profile.productsAndSupervisors')}</h2>
          <ul className="kp-links">
            {member.enrollments.map((e) => (
              <li key={e.id}>
                <strong>{e.product.name}</strong>: {e.supervisors.map((s) => s.displayName).join(', ')}
                {!readOnly && (
                  <Button theme="tertiary error" onClick={() => void attempt(() => removeProduct(e.product.id))}>
                    {t('profile.productOff')}
                  </Button>
                )}
              </li>
            ))}
          </ul>
          {!readOnly && member.enrollments.length === 1 && <p>{t('profile.lastProductArchives')}</p>}
          {!readOnly && (
            <Button onClick={() => void attempt(resetPassword)}>{t('profile.resetPassword')}</Button>
          )}
          {credentials && (
            <p role="status">
              {t('profile.newPassword')}: <strong data-testid="new-password">{credentials.password}</strong>
            </p>
          )}
        </section>
      ) : (
        <section aria-labelledby="roles-title">
          <h2 id="roles-title">{t('admin.roles')}</h2>
          {(['ADMIN', 'SUPERVISOR'] as Role[]).map((role) => (
            <Checkbox
              key={role}
              label={t(`role.${role}` as MessageKey)}
              checked={member.roles.includes(role)}
              disabled={readOnly}
              onCheckedChanged={(e) => {
                const has = member.roles.includes(role);
                if (e.detail.value !== has) {
                  const next = e.detail.value
                    ? [...member.roles.filter((r) => r !== 'STUDENT'), role]
                    : member.roles.filter((r) => r !== role && r !== 'STUDENT');
                  void attempt(() => setRoles(next as Role[]));
                }
              }}
            />
          ))}
          <p>{t('profile.bothRolesOff')}</p>
          <h2>{t('admin.col.products')}</h2>
          <p>{member.products.map((p) => p.name).join(', ') || '—'}</p>
          {member.students.length > 0 && (
            <>
              <h2>{t('profile.linkedStudents')}</h2>
              <p>{member.students.map((s) => s.displayName).join(', ')}</p>
            </>
          )}
        </section>
      )}

      {!readOnly && (
        <section aria-labelledby="archive-title">
          <h2 id="archive-title">{t('profile.archiveTitle')}</h2>
          <Button theme="error" onClick={() => void attempt(archive)}>{t('profile.archive')}</Button>
        </section>
      )}
    </section>
  );
}
