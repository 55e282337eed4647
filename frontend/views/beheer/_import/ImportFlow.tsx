import { Button } from '@vaadin/react-components/Button.js';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { Busy } from '../../../components/Busy';
import { FormErrors } from '../../../components/FormErrors';
import { SpreadsheetImportDiscardDocument } from '../../../gql/graphql';
import { t } from '../../../i18n';
import { useGqlMutation } from '../../../lib/data';
import { requestFailure } from '../../../lib/errors';
import { type ImportKind, uploadImport } from '../../../lib/files';
import { type Confirmed, ImportReview } from './ImportReview';

/**
 * "Meerdere" in the wizard (B5 professionals, B7 students; manual 4.4.1.2, 4.4.2.2): step 2 the template and the upload,
 * step 2B the review, step 3 who was created. Nothing is written before the confirmation.
 */
export function ImportFlow({
  schoolId,
  kind,
  onStep,
  onBack,
}: {
  schoolId: string;
  kind: ImportKind;
  onStep: (step: '2' | '2B' | '3') => void;
  onBack: () => void;
}) {
  const fileInput = useId();
  const [file, setFile] = useState<File | null>(null);
  const [uploading, setUploading] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [importId, setImportId] = useState<string | null>(null);
  const [confirmed, setConfirmed] = useState<Confirmed | null>(null);
  const discard = useGqlMutation(SpreadsheetImportDiscardDocument);

  async function upload() {
    if (!file) return setFailure(t('error.FILE_MISSING'));
    setFailure(null);
    setUploading(true);
    try {
      const uploaded = await uploadImport(schoolId, kind, file);
      setImportId(uploaded.importId);
      onStep('2B');
    } catch (e) {
      setFailure(requestFailure(e));
    } finally {
      setUploading(false);
    }
  }

  async function otherFile() {
    if (importId) {
      // the rows of the abandoned file are deleted now rather than when they expire
      await discard.run({ input: { schoolId, importId } }).catch(() => undefined);
    }
    setImportId(null);
    setFile(null);
    onStep('2');
  }

  if (confirmed) {
    return <ImportDone kind={kind} confirmed={confirmed} />;
  }
  if (importId) {
    return (
      <ImportReview
        schoolId={schoolId}
        importId={importId}
        kind={kind}
        onOtherFile={() => void otherFile()}
        onConfirmed={(result) => {
          setConfirmed(result);
          onStep('3');
        }}
      />
    );
  }
  const template = kind === 'STUDENTS' ? 'students' : 'professionals';
  return (
    <form
      className="kp-form kp-import-upload"
      aria-label={t('import.uploadTitle')}
      onSubmit={(e) => {
        e.preventDefault();
        void upload();
      }}
    >
      <h2>{t(kind === 'STUDENTS' ? 'import.titleStudents' : 'import.titleProfessionals')}</h2>
      <ol className="kp-import-steps">
        <li>
          {t('import.stepTemplate')}{' '}
          <a href={`/api/spreadsheet-templates/${template}`} download>
            {t(kind === 'STUDENTS' ? 'import.templateStudents' : 'import.templateProfessionals')}
          </a>
        </li>
        <li>{t(kind === 'STUDENTS' ? 'import.stepFillStudents' : 'import.stepFillProfessionals')}</li>
        <li>{t('import.stepUpload')}</li>
      </ol>
      <div className="kp-file-field">
        <label htmlFor={fileInput}>{t('import.file')}</label>
        <input
          id={fileInput}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          disabled={uploading}
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setFailure(null);
          }}
        />
        <span className="kp-hint">{t('import.fileHint')}</span>
      </div>
      {uploading && <Busy label={t('import.uploading')} />}
      <FormErrors messages={failure ? [failure] : []} />
      <div className="kp-buttons">
        <Button disabled={uploading} onClick={onBack}>
          {t('create.back')}
        </Button>
        <Button theme="primary" disabled={uploading || !file} onClick={() => void upload()}>
          {t('import.upload')}
        </Button>
      </div>
    </form>
  );
}

/** Step 3: how many were created, where they are (the archive), and the students' logins, shown once. */
function ImportDone({ kind, confirmed }: { kind: ImportKind; confirmed: Confirmed }) {
  return (
    <div className="kp-form" role="status">
      <h2>{t('import.done', { count: confirmed.created })}</h2>
      <p>{t('import.inArchive')}</p>
      {kind === 'PROFESSIONALS' ? (
        <p>{t('import.activationPending')}</p>
      ) : (
        <>
          <p>{t('create.passOn')}</p>
          <table className="kp-table" aria-label={t('import.logins')}>
            <thead>
              <tr>
                <th scope="col">{t('import.loginName')}</th>
                <th scope="col">{t('admin.col.username')}</th>
                <th scope="col">{t('profile.password')}</th>
              </tr>
            </thead>
            <tbody>
              {confirmed.logins.map((login) => (
                <tr key={login.rowNumber}>
                  <th scope="row">{login.name}</th>
                  <td>{login.username}</td>
                  <td>{login.password}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <div className="kp-buttons">
        <Link to="/beheer/archief">{t('import.toArchive')}</Link>
        <Link to="/beheer">{t('create.toOverview')}</Link>
      </div>
    </div>
  );
}
