import type { ViewConfig } from '@vaadin/hilla-file-router/types.js';
import { Button } from '@vaadin/react-components/Button.js';
import { TextField } from '@vaadin/react-components/TextField.js';
import { memo, useMemo, useState } from 'react';
import { AdminNav, type MenuDetail } from '../components/AdminNav';
import { Busy, LoadFailed } from '../components/Busy';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { FormErrors } from '../components/FormErrors';
import { PageHeader } from '../components/PageHeader';
import {
  BasispoortMatchingDocument,
  type BasispoortMatchingQuery,
  BasispoortPupilsLinkDocument,
  BasispoortPupilsUnlinkDocument,
  type MatchPupilFragment,
  type MatchSuggestionFragment,
} from '../gql/graphql';
import { t } from '../i18n';
import { useGqlMutation, useGqlQuery } from '../lib/data';
import { requestFailure, type ServerError } from '../lib/errors';
import { useSession } from '../lib/session';

/** `/basispoort-koppelen`: linking the school's existing pupils to Basispoort (BP2) with the X1 suggestions. */
export const config: ViewConfig<MenuDetail> = { title: 'admin.basispoortMatching', menu: { order: 16 }, detail: { admin: true } };

/** Lower case without accents, for the filter boxes ("Özdemir" is found by "ozd"). */
const fold = (s: string | null | undefined) => (s ?? '').normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();

/**
 * Beheer → Basispoort: leerlingen koppelen. Step 5–9 of the manual: left the school's Klaspoort pupils, in the middle
 * its Basispoort pupils, right the linked pairs; select one of each and link (both blue), unlink with the red cross.
 */
export default function BasispoortMatchingView() {
  const { schoolId } = useSession();
  const query = useGqlQuery(BasispoortMatchingDocument, { schoolId }, { enabled: !!schoolId });
  const matching = query.data?.school?.basispoortMatching;
  return (
    <section aria-labelledby="bp-match-title">
      <PageHeader id="bp-match-title" title={t('bp.match.pageTitle')} />
      <AdminNav />
      {query.isPending ? (
        <Busy />
      ) : query.error || !matching ? (
        <LoadFailed error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Matching schoolId={schoolId} matching={matching} />
      )}
    </section>
  );
}

type MatchingData = NonNullable<NonNullable<BasispoortMatchingQuery['school']>['basispoortMatching']>;

/** BP2: three columns — Klaspoort pupils, Basispoort pupils, linked pairs — with the X1 suggestions. */
function Matching({ schoolId, matching }: { schoolId: string; matching: MatchingData }) {
  const link = useGqlMutation(BasispoortPupilsLinkDocument);
  const unlink = useGqlMutation(BasispoortPupilsUnlinkDocument);
  const [local, setLocal] = useState<string | null>(null);
  const [remote, setRemote] = useState<string | null>(null);
  const [errors, setErrors] = useState<readonly ServerError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [acceptAll, setAcceptAll] = useState(false);

  const remoteById = useMemo(() => new Map(matching.basispoortPupils.map((p) => [p.id, p])), [matching.basispoortPupils]);
  const localById = useMemo(() => new Map(matching.localPupils.map((p) => [p.id, p])), [matching.localPupils]);
  const suggestionOf = useMemo(() => new Map(matching.suggestions.map((s) => [s.localPupilId, s])), [matching.suggestions]);
  const automatic = matching.suggestions.filter((s) => s.confidence >= 90);

  if (matching.status !== 'READY') {
    return <p role="status">{t(matching.status === 'NOT_CONNECTED' ? 'bp.match.notConnected' : 'bp.match.unavailable')}</p>;
  }

  async function run(action: () => Promise<{ changed: number; errors: readonly ServerError[] }>, success: (n: number) => string) {
    setFailure(null);
    setMessage(null);
    try {
      const result = await action();
      setErrors(result.errors);
      if (!result.errors.length) setMessage(success(result.changed));
      return result.errors.length === 0;
    } catch (e) {
      setFailure(requestFailure(e));
      return false;
    }
  }

  async function linkPairs(pairs: { localPupilId: string; basispoortPupilId: string }[]) {
    const ok = await run(async () => (await link.run({ input: { schoolId, pairs } })).basispoortPupilsLink, (n) => t('bp.match.linked', { count: n }));
    if (ok) {
      setLocal(null);
      setRemote(null);
    }
  }

  function chooseLocal(id: string) {
    setLocal(id);
    // the suggestion for this pupil is selected in the middle, as a proposal the admin confirms with the link button
    const suggestion = suggestionOf.get(id);
    if (suggestion && remoteById.has(suggestion.basispoortPupilId)) setRemote(suggestion.basispoortPupilId);
  }

  return (
    <section aria-label={t('bp.match.title')}>
      <p>{t('bp.match.explanation')}</p>
      {matching.likelyDuplicates.length > 0 && (
        <div role="alert" className="kp-warning" data-testid="likely-duplicates">
          <strong>{t('bp.match.duplicates', { count: matching.likelyDuplicates.length })}</strong>
          <ul>
            {matching.likelyDuplicates.map((s) => (
              <li key={s.localPupilId}>
                {localById.get(s.localPupilId)?.name} — {t('bp.match.probably', { name: remoteById.get(s.basispoortPupilId)?.name ?? '', confidence: s.confidence })}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="kp-taskbar">
        <Button theme="primary" disabled={!local || !remote || link.busy} onClick={() => local && remote && void linkPairs([{ localPupilId: local, basispoortPupilId: remote }])}>
          {t('bp.match.link')}
        </Button>
        <Button disabled={automatic.length === 0 || link.busy} onClick={() => setAcceptAll(true)}>
          {t('bp.match.acceptAll', { count: automatic.length })}
        </Button>
      </div>
      <FormErrors errors={errors} messages={failure ? [failure] : []} />
      {message && <p role="status">{message}</p>}
      <div className="kp-match-columns">
        <PupilColumn
          id="bp-local"
          title={t('bp.match.local', { count: matching.localPupils.length })}
          pupils={matching.localPupils}
          selected={local}
          onSelect={chooseLocal}
          hint={(p) => {
            const s = suggestionOf.get(p.id);
            return s ? `${s.confidence}%` : null;
          }}
        />
        <PupilColumn
          id="bp-remote"
          title={t('bp.match.basispoort', { count: matching.basispoortPupils.length })}
          pupils={matching.basispoortPupils}
          selected={remote}
          onSelect={setRemote}
        />
        <section aria-labelledby="bp-linked" className="kp-match-column">
          <h3 id="bp-linked">{t('bp.match.linkedPairs', { count: matching.linked.length })}</h3>
          <ul className="kp-match-list" aria-labelledby="bp-linked">
            {matching.linked.map((pair) => (
              <li key={pair.localPupil.id} className="kp-match-pair">
                <span>
                  {pair.localPupil.name} &amp; {pair.basispoortPupil.name ?? t('bp.match.gone')}
                </span>
                <button
                  type="button"
                  className="kp-unlink"
                  aria-label={t('bp.match.unlink', { name: pair.localPupil.name ?? '' })}
                  title={t('bp.match.unlink', { name: pair.localPupil.name ?? '' })}
                  disabled={unlink.busy}
                  onClick={() =>
                    void run(
                      async () => (await unlink.run({ input: { schoolId, localPupilIds: [pair.localPupil.id] } })).basispoortPupilsUnlink,
                      () => t('bp.match.unlinked', { name: pair.localPupil.name ?? '' }),
                    )
                  }
                >
                  ✕
                </button>
              </li>
            ))}
          </ul>
        </section>
      </div>
      <ConfirmDialog
        opened={acceptAll}
        title={t('bp.match.acceptAllTitle')}
        confirmText={t('bp.match.acceptAllConfirm', { count: automatic.length })}
        busy={link.busy}
        onCancel={() => setAcceptAll(false)}
        onConfirm={() => {
          setAcceptAll(false);
          void linkPairs(automatic.map((s) => ({ localPupilId: s.localPupilId, basispoortPupilId: s.basispoortPupilId })));
        }}
      >
        <p>{t('bp.match.acceptAllQuestion', { count: automatic.length })}</p>
        <ul className="kp-match-proposals" data-testid="accept-all-pairs">
          {automatic.map((s: MatchSuggestionFragment) => (
            <li key={s.localPupilId}>
              {localById.get(s.localPupilId)?.name} &amp; {remoteById.get(s.basispoortPupilId)?.name} ({s.confidence}%)
            </li>
          ))}
        </ul>
      </ConfirmDialog>
    </section>
  );
}

/** One column of pupils with a filter: a listbox where one pupil is selected (blue, as in the manual). */
const PupilColumn = memo(function PupilColumn({
  id,
  title,
  pupils,
  selected,
  onSelect,
  hint,
}: {
  id: string;
  title: string;
  pupils: readonly MatchPupilFragment[];
  selected: string | null;
  onSelect: (id: string) => void;
  hint?: (p: MatchPupilFragment) => string | null;
}) {
  const [filter, setFilter] = useState('');
  const shown = useMemo(() => {
    const f = fold(filter);
    return f ? pupils.filter((p) => fold(p.name).includes(f) || fold(p.group).includes(f)) : pupils;
  }, [pupils, filter]);
  return (
    <section aria-labelledby={`${id}-title`} className="kp-match-column">
      <h3 id={`${id}-title`}>{title}</h3>
      <TextField label={t('bp.match.filter')} value={filter} clearButtonVisible onValueChanged={(e) => setFilter(e.detail.value)} />
      <ul role="listbox" aria-labelledby={`${id}-title`} className="kp-match-list" data-testid={id}>
        {shown.map((p) => (
          <li
            key={p.id}
            role="option"
            aria-selected={p.id === selected}
            tabIndex={0}
            className={p.id === selected ? 'kp-match-item kp-selected' : 'kp-match-item'}
            onClick={() => onSelect(p.id)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                onSelect(p.id);
              }
            }}
          >
            <span>{p.name}</span>
            <small>
              {[p.group, p.gradeYear && t('bp.match.grade', { grade: p.gradeYear })].filter(Boolean).join(' · ')}
              {hint?.(p) && <span className="kp-badge"> {hint(p)}</span>}
            </small>
          </li>
        ))}
      </ul>
    </section>
  );
});
