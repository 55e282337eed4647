import { useState } from 'react';
import { AdminNav } from '../../../components/AdminNav';
import { Busy, LoadFailed } from '../../../components/Busy';
import { EmptyState } from '../../../components/EmptyState';
import { PageHeader } from '../../../components/PageHeader';
import { SchoolUserProfileDocument } from '../../../gql/graphql';
import { t } from '../../../i18n';
import { useGqlQuery } from '../../../lib/data';
import { useSession } from '../../../lib/session';
import { ActivationSection } from './ActivationSection';
import { ArchiveSection } from './ArchiveSection';
import { DigestSubscription } from './DigestSubscription';
import { OwnEmail } from './OwnEmail';
import { OwnPassword } from './OwnPassword';
import { ProfessionalRoles } from './ProfessionalRoles';
import { ProfileForm } from './ProfileForm';
import { StudentCredentials } from './StudentCredentials';
import { StudentProducts } from './StudentProducts';

/**
 * B16–B18: a user's profile. Admins edit it ("Wijzig profiel"), a student's products and supervisors and login, a
 * professional's roles and products, and archive it (never their own). Archived profiles are read-only and say how to
 * change that.
 */
export function Profile({ userId }: { userId: string }) {
  const { schoolId, hasRole, viewer } = useSession();
  const query = useGqlQuery(SchoolUserProfileDocument, { schoolId, userId }, { enabled: !!schoolId });
  const [message, setMessage] = useState<string | null>(null);
  const member = query.data?.school?.user;

  if (query.error && !query.data) return <LoadFailed error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data && !member) return <EmptyState title={t('profile.notFound')} />;
  if (!member) return <Busy />;

  const isAdmin = hasRole('ADMIN');
  const isStudent = member.user.__typename === 'Student';
  const own = member.id === viewer.user.id;
  const editable = isAdmin && !member.archived;
  const subtitle = `${member.roles.map((r) => t(`role.${r}`)).join(', ')}${member.archived ? ` · ${t('profile.archivedBadge')}` : ''}`;
  return (
    <section aria-labelledby="profile-title" className="kp-profile">
      <PageHeader id="profile-title" title={member.user.displayName} subtitle={subtitle} />
      {isAdmin && <AdminNav />}
      {message && <p role="status">{message}</p>}
      {member.archived && <p className="kp-notice">{t('profile.readOnlyArchived')}</p>}
      {editable && !own && member.activationPending && member.user.__typename === 'Professional' && (
        <ActivationSection schoolId={schoolId} member={member} email={member.user.email} />
      )}
      <ProfileForm key={member.id} schoolId={schoolId} member={member} editable={editable} own={own} onSaved={() => setMessage(t('profile.saved'))} />
      {isStudent && isAdmin && <StudentProducts key={`products-${member.id}`} schoolId={schoolId} member={member} onSaved={setMessage} />}
      {isStudent && editable && <StudentCredentials schoolId={schoolId} member={member} />}
      {!isStudent && <ProfessionalRoles key={`roles-${member.id}`} schoolId={schoolId} member={member} editable={isAdmin} onSaved={setMessage} />}
      {own && member.user.__typename === 'Professional' && <OwnEmail currentEmail={member.user.email} />}
      {own && !isStudent && <OwnPassword />}
      {own && !isStudent && <DigestSubscription />}
      {editable && !own && <ArchiveSection schoolId={schoolId} member={member} onArchived={setMessage} />}
    </section>
  );
}
