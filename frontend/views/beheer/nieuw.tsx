import type { ViewConfig } from '@vaadin/hilla-file-router/types.js';
import { Button } from '@vaadin/react-components/Button.js';
import { Checkbox } from '@vaadin/react-components/Checkbox.js';
import { EmailField } from '@vaadin/react-components/EmailField.js';
import { IntegerField } from '@vaadin/react-components/IntegerField.js';
import { CheckboxGroup } from '@vaadin/react-components/CheckboxGroup.js';
import { RadioButton } from '@vaadin/react-components/RadioButton.js';
import { RadioGroup } from '@vaadin/react-components/RadioGroup.js';
import { TextField } from '@vaadin/react-components/TextField.js';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  type AdminErrorFragment,
  ProfessionalCreateDocument,
  type Role,
  SchoolPickersDocument,
  StudentCreateDocument,
} from '../../gql/graphql';
import { execute, useQuery } from '../../lib/graphql';
import { type MessageKey, useI18n, usePageTitle } from '../../lib/i18n';
import { useSession } from '../../lib/session';

export const config: ViewConfig = { title: 'Gebruikers aanmaken' };

type Kind = 'PROFESSIONAL' | 'STUDENT';
type Step = 1 | 2 | 3;

interface Details {
  firstName: string;
  namePrefix: string;
  lastName: string;
  email: string;
  function: string;
  roles: Role[];
  gradeYear: number | null;
  group: string;
  productIds: string[];
  supervisorIds: string[];
  username: string;
  password: string;
}

const EMPTY: Details = {
  firstName: '',
  namePrefix: '',
  lastName: '',
  email: '',
  function: '',
  roles: [],
  gradeYear: null,
  group: '',
  productIds: [],
  supervisorIds: [],
  username: '',
  password: '',
};

/** B4 / B6: the create-user wizard of the manual (4.4): 1 role and one/many, 2 details, 2B review, 3 confirmation. */
export default function CreateUserView() {
  const { t } = useI18n();
  usePageTitle(t('create.title'));
  const { membership } = useSession();
  const schoolId = membership?.school.id ?? '';
  const pickers = useQuery(SchoolPickersDocument, { schoolId }, !schoolId);
  const [step, setStep] = useState<Step>(1);
  const [kind, setKind] = useState<Kind>('PROFESSIONAL');
  const [many, setMany] = useState(false);
  const [details, setDetails] = useState<Details>(EMPTY);
  const [review, setReview] = useState(false);
  const [errors, setErrors] = useState<readonly AdminErrorFragment[]>([]);
  const [created, setCreated] = useState<{ username: string; password?: string | null; activation: boolean } | null>(
    null,
  );
  const [busy, setBusy] = useState(false);

  const products = pickers.data?.school?.products ?? [];
  const supervisors = pickers.data?.school?.supervisors ?? [];
  const noSupervisor = kind === 'STUDENT' && pickers.data !== undefined && supervisors.length === 0;
  const set = <K extends keyof Details>(key: K, value: Details[K]) => {
    setDetails((d) => ({ ...d, [key]: value }));
    // a field's error goes as soon as it is edited, so the form does not shift under the next click
    setErrors((es) => (es.some((e) => e.field === key) ? es.filter((e) => e.field !== key) : es));
  };
  const fieldError = (field: string) => errors.find((e) => e.field === field)?.message;

  async function save(dryRun: boolean) {
    setBusy(true);
    setErrors([]);
    try {
      if (kind === 'PROFESSIONAL') {
        if (dryRun) {
          setReview(true);
          return;
        }
        const result = (
          await execute(ProfessionalCreateDocument, {
            input: {
              schoolId,
              firstName: details.firstName,
              namePrefix: details.namePrefix || null,
              lastName: details.lastName,
              email: details.email,
              function: details.function || null,
              roles: details.roles,
              productIds: details.roles.includes('SUPERVISOR') ? details.productIds : [],
            },
          })
        ).professionalCreate;
        if (result.errors.length) {
          setErrors(result.errors);
          setReview(false);
          return;
        }
        setCreated({ username: details.email, activation: result.activationPending });
        setStep(3);
      } else {
        // step 2 → 2B: a dry run validates and suggests the username and password, which stay editable
        const result = (
          await execute(StudentCreateDocument, {
            input: {
              schoolId,
              firstName: details.firstName,
              namePrefix: details.namePrefix || null,
              lastName: details.lastName,
              gradeYear: details.gradeYear ?? 0,
              group: details.group || null,
              productIds: details.productIds,
              supervisorIds: details.supervisorIds,
              username: details.username || null,
              password: details.password || null,
              dryRun,
            },
          })
        ).studentCreate;
        if (result.errors.length) {
          setErrors(result.errors);
          setReview(false);
          return;
        }
        if (dryRun) {
          setDetails((d) => ({
            ...d,
            username: result.credentials?.username ?? d.username,
            password: result.credentials?.password ?? d.password,
          }));
          setReview(true);
          return;
        }
        setCreated({
          username: result.credentials?.username ?? '',
          password: result.credentials?.password,
          activation: false,
        });
        setStep(3);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="create-title" className="kp-wizard">
      <h1 id="create-title">{t('create.title')}</h1>
      <ol className="kp-steps" aria-label={t('create.steps')}>
        {[1, 2, 3].map((s) => (
          <li key={s} aria-current={step === s ? 'step' : undefined}>
            {t(`create.step${s}` as MessageKey)}
          </li>
        ))}
      </ol>

      {step === 1 && (
        <div className="kp-form">
          <RadioGroup
            label={t('create.role')}
            value={kind}
            onValueChanged={(e) => setKind(e.detail.value as Kind)}
          >
            <RadioButton value="PROFESSIONAL" label={t('create.professional')} />
            <RadioButton value="STUDENT" label={t('create.student')} />
          </RadioGroup>
          <RadioGroup label={t('create.howMany')} value={many ? 'many' : 'one'} onValueChanged={(e) => setMany(e.detail.value === 'many')}>
            <RadioButton value="one" label={t('create.one')} />
            <RadioButton value="many" label={t('create.many')} />
          </RadioGroup>
          {many && <p role="status">{t('create.manyLater')}</p>}
          {noSupervisor && (
            <p role="alert" className="kp-error">
              {t('create.noSupervisor')}{' '}
              <button type="button" className="kp-link-button" onClick={() => setKind('PROFESSIONAL')}>
                {t('create.createSupervisorFirst')}
              </button>
            </p>
          )}
          <div className="kp-buttons">
            <Link to="/beheer">{t('common.cancel')}</Link>
            <Button theme="primary" disabled={many || noSupervisor} onClick={() => setStep(2)}>
              {t('create.next')}
            </Button>
          </div>
        </div>
      )}

      {step === 2 && !review && (
        <form className="kp-form" onSubmit={(e) => e.preventDefault()} aria-label={t('create.step2')}>
          <TextField label={t('profile.firstName')} required value={details.firstName} errorMessage={fieldError('firstName')} invalid={!!fieldError('firstName')} onValueChanged={(e) => set('firstName', e.detail.value)} />
          <TextField label={t('profile.namePrefix')} value={details.namePrefix} onValueChanged={(e) => set('namePrefix', e.detail.value)} />
          <TextField label={t('profile.lastName')} required value={details.lastName} errorMessage={fieldError('lastName')} invalid={!!fieldError('lastName')} onValueChanged={(e) => set('lastName', e.detail.value)} />
          {kind === 'PROFESSIONAL' ? (
            <>
              <EmailField label={t('profile.email')} required value={details.email} errorMessage={fieldError('email')} invalid={!!fieldError('email')} onValueChanged={(e) => set('email', e.detail.value)} />
              <TextField label={t('profile.function')} value={details.function} onValueChanged={(e) => set('function', e.detail.value)} />
              <fieldset>
                <legend>{t('admin.roles')}</legend>
                {(['ADMIN', 'SUPERVISOR'] as Role[]).map((role) => (
                  <Checkbox
                    key={role}
                    label={t(`role.${role}` as MessageKey)}
                    checked={details.roles.includes(role)}
                    onCheckedChanged={(e) =>
                      set('roles', e.detail.value ? [...new Set([...details.roles, role])] : details.roles.filter((r) => r !== role))
                    }
                  />
                ))}
              </fieldset>
              {details.roles.includes('SUPERVISOR') && (
                <CheckboxGroup label={t('admin.productsForSupervisors')} value={details.productIds} onValueChanged={(e) => set('productIds', e.detail.value)}>
                {products.map((p) => (
                  <Checkbox key={p.id} value={p.id} label={p.name} />
                ))}
              </CheckboxGroup>
              )}
            </>
          ) : (
            <>
              <IntegerField label={t('admin.col.gradeYear')} required min={1} max={8} stepButtonsVisible value={details.gradeYear?.toString() ?? ''} errorMessage={fieldError('gradeYear')} invalid={!!fieldError('gradeYear')} onValueChanged={(e) => set('gradeYear', e.detail.value ? Number(e.detail.value) : null)} />
              <TextField label={t('profile.group')} value={details.group} onValueChanged={(e) => set('group', e.detail.value)} />
              <CheckboxGroup label={t('admin.col.products')} required value={details.productIds} onValueChanged={(e) => set('productIds', e.detail.value)}>
                {products.map((p) => (
                  <Checkbox key={p.id} value={p.id} label={p.name} />
                ))}
              </CheckboxGroup>
              <CheckboxGroup label={t('admin.supervisors')} required value={details.supervisorIds} onValueChanged={(e) => set('supervisorIds', e.detail.value)}>
                {supervisors.map((p) => (
                  <Checkbox key={p.id} value={p.id} label={p.displayName} />
                ))}
              </CheckboxGroup>
            </>
          )}
          {errors.filter((e) => !e.field).map((e, i) => (
            <p key={i} role="alert" className="kp-error">{e.message}</p>
          ))}
          <div className="kp-buttons">
            <Button onClick={() => setStep(1)}>{t('create.back')}</Button>
            <Button theme="primary" disabled={busy} onClick={() => void save(true)}>{t('create.next')}</Button>
          </div>
        </form>
      )}

      {step === 2 && review && (
        <div className="kp-form" aria-label={t('create.review')}>
          <h2>{t('create.review')}</h2>
          <dl className="kp-summary">
            <dt>{t('admin.col.name')}</dt>
            <dd>{[details.firstName, details.namePrefix, details.lastName].filter(Boolean).join(' ')}</dd>
            {kind === 'PROFESSIONAL' ? (
              <>
                <dt>{t('profile.email')}</dt><dd>{details.email}</dd>
                <dt>{t('admin.roles')}</dt><dd>{details.roles.map((r) => t(`role.${r}` as MessageKey)).join(', ')}</dd>
              </>
            ) : (
              <>
                <dt>{t('admin.col.gradeYear')}</dt><dd>{details.gradeYear}</dd>
              </>
            )}
          </dl>
          {kind === 'STUDENT' && (
            <>
              <p>{t('create.credentialsHint')}</p>
              <TextField label={t('admin.col.username')} required value={details.username} onValueChanged={(e) => set('username', e.detail.value)} />
              <TextField label={t('login.password')} required value={details.password} onValueChanged={(e) => set('password', e.detail.value)} />
            </>
          )}
          <div className="kp-buttons">
            <Button onClick={() => setReview(false)}>{t('create.back')}</Button>
            <Button theme="primary" disabled={busy} onClick={() => void save(false)}>{t('create.save')}</Button>
          </div>
        </div>
      )}

      {step === 3 && created && (
        <div className="kp-form" role="status">
          <h2>{t('create.done')}</h2>
          <dl className="kp-summary">
            <dt>{t('admin.col.username')}</dt>
            <dd data-testid="created-username">{created.username}</dd>
            {created.password && (
              <>
                <dt>{t('login.password')}</dt>
                <dd data-testid="created-password">{created.password}</dd>
              </>
            )}
          </dl>
          <p>{created.activation ? t('create.activationPending') : t('create.passOn')}</p>
          <div className="kp-buttons">
            <Button onClick={() => { setDetails(EMPTY); setCreated(null); setReview(false); setStep(1); }}>{t('create.another')}</Button>
            <Link to="/beheer">{t('create.toOverview')}</Link>
          </div>
        </div>
      )}
    </section>
  );
}
