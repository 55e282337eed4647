import type { ViewConfig } from '@vaadin/hilla-file-router/types.js';
import { Button } from '@vaadin/react-components/Button.js';
import { RadioButton } from '@vaadin/react-components/RadioButton.js';
import { RadioGroup } from '@vaadin/react-components/RadioGroup.js';
import { useState } from 'react';
import { Link } from 'react-router';
import { AdminNav } from '../../components/AdminNav';
import { Busy } from '../../components/Busy';
import { FormErrors } from '../../components/FormErrors';
import { PageHeader } from '../../components/PageHeader';
import { ProfessionalCreateDocument, SchoolPickersDocument, StudentCreateDocument } from '../../gql/graphql';
import { t } from '../../i18n';
import { useGqlMutation, useGqlQuery } from '../../lib/data';
import { fieldErrors, generalErrors, requestFailure, type ServerError } from '../../lib/errors';
import { useSession } from '../../lib/session';
import { DetailsForm } from './_create/DetailsForm';
import { type Details, EMPTY, type Kind, REVIEW_FIELDS, validate } from './_create/details';
import { Created } from './_create/Created';
import { Review } from './_create/Review';

export const config: ViewConfig = { title: 'create.title' };

type Step = '1' | '2' | '2B' | '3';
const STEPS: { step: Step; key: 'create.step1' | 'create.step2' | 'create.step3' }[] = [
  { step: '1', key: 'create.step1' },
  { step: '2', key: 'create.step2' },
  { step: '3', key: 'create.step3' },
];

/**
 * B4 / B6, the manual's wizard (4.4): 1 role and one/many, 2 details, 2B review, 3 confirmation. Every error is shown
 * at once, on the step where its field is, and what was typed is kept.
 */
export default function CreateUserView() {
  const { schoolId } = useSession();
  const pickers = useGqlQuery(SchoolPickersDocument, { schoolId }, { enabled: !!schoolId });
  const createProfessional = useGqlMutation(ProfessionalCreateDocument);
  const createStudent = useGqlMutation(StudentCreateDocument);
  const [step, setStep] = useState<Step>('1');
  const [kind, setKind] = useState<Kind>('PROFESSIONAL');
  const [many, setMany] = useState(false);
  const [details, setDetails] = useState<Details>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<ServerError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [created, setCreated] = useState<{ username: string; password?: string | null; activation: boolean } | null>(null);
  const busy = createProfessional.busy || createStudent.busy;

  const products = pickers.data?.school?.products ?? [];
  const supervisors = pickers.data?.school?.supervisors ?? [];
  const noSupervisor = kind === 'STUDENT' && pickers.data !== undefined && supervisors.length === 0;
  const set = <K extends keyof Details>(key: K, value: Details[K]) => {
    setDetails((d) => ({ ...d, [key]: value }));
    // a field's error goes as soon as it is edited, so the form does not shift under the next click
    setErrors(({ [key]: _, ...rest }) => rest);
  };

  /** The server's errors go to their fields, on the step that has the field; the rest above the buttons. */
  function refused(serverErrors: readonly ServerError[]) {
    const byField = fieldErrors(serverErrors);
    setErrors(byField);
    setGeneral(generalErrors(serverErrors, Object.keys(byField)));
    setStep(Object.keys(byField).some((f) => !REVIEW_FIELDS.includes(f)) ? '2' : '2B');
  }

  async function submit(dryRun: boolean) {
    setFailure(null);
    setGeneral([]);
    const problems = validate(kind, details);
    setErrors(problems);
    if (Object.keys(problems).length) {
      setStep('2');
      return;
    }
    try {
      if (kind === 'PROFESSIONAL') {
        if (dryRun) return setStep('2B');
        const result = (
          await createProfessional.run({
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
        if (result.errors.length) return refused(result.errors);
        setCreated({ username: details.email, activation: result.activationPending });
      } else {
        // step 2 → 2B: a dry run validates and suggests the username and password, which stay editable
        const result = (
          await createStudent.run({
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
        if (result.errors.length) return refused(result.errors);
        if (dryRun) {
          setDetails((d) => ({ ...d, username: result.credentials?.username ?? d.username, password: result.credentials?.password ?? d.password }));
          return setStep('2B');
        }
        setCreated({ username: result.credentials?.username ?? '', password: result.credentials?.password, activation: false });
      }
      setStep('3');
    } catch (e) {
      setFailure(requestFailure(e));
    }
  }

  const current = step === '2B' ? '2' : step;
  return (
    <section aria-labelledby="create-title" className="kp-wizard">
      <PageHeader id="create-title" title={t('create.title')} />
      <AdminNav />
      <ol className="kp-steps" aria-label={t('create.steps')}>
        {STEPS.map((s) => (
          <li key={s.step} aria-current={current === s.step ? 'step' : undefined}>
            {t(s.key)}
          </li>
        ))}
      </ol>

      {step === '1' && (
        <div className="kp-form">
          <RadioGroup label={t('create.role')} value={kind} onValueChanged={(e) => setKind(e.detail.value as Kind)}>
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
            <Button theme="primary" disabled={many || noSupervisor} onClick={() => setStep('2')}>
              {t('create.next')}
            </Button>
          </div>
        </div>
      )}

      {(step === '2' || step === '2B') && (
        <form className="kp-form" onSubmit={(e) => e.preventDefault()} aria-label={t(step === '2' ? 'create.step2' : 'create.review')}>
          {step === '2' && pickers.isPending ? (
            <Busy />
          ) : step === '2' ? (
            <DetailsForm kind={kind} details={details} errors={errors} products={products} supervisors={supervisors} set={set} />
          ) : (
            <>
              <h2>{t('create.review')}</h2>
              <Review kind={kind} details={details} errors={errors} products={products} supervisors={supervisors} set={set} />
            </>
          )}
          {Object.keys(errors).length > 0 && <p className="kp-error">{t('create.fixErrors')}</p>}
          <FormErrors errors={general} messages={failure ? [failure] : []} />
          <div className="kp-buttons">
            <Button onClick={() => setStep(step === '2' ? '1' : '2')}>{t('create.back')}</Button>
            <Button theme="primary" disabled={busy} onClick={() => void submit(step === '2')}>
              {t(step === '2' ? 'create.next' : 'create.save')}
            </Button>
          </div>
        </form>
      )}

      {step === '3' && created && (
        <Created
          created={created}
          onAnother={() => {
            setDetails(EMPTY);
            setCreated(null);
            setErrors({});
            setStep('1');
          }}
        />
      )}
    </section>
  );
}
