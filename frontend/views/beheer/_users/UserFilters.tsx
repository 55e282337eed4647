import { TextField } from '@vaadin/react-components/TextField.js';
import { FilterSelect } from '../../../components/FilterSelect';
import { SchoolPickersDocument } from '../../../gql/graphql';
import { t } from '../../../i18n';
import { useGqlQuery } from '../../../lib/data';
import type { UserFilters as Filters } from './useUserQuery';

const ROLES = ['ADMIN', 'SUPERVISOR', 'STUDENT'] as const;
const GRADE_YEARS = [1, 2, 3, 4, 5, 6, 7, 8];

/** Search and the filters of the user overview and the archive (B3, B9). */
export function UserFilters({ schoolId, filters, onChange }: { schoolId: string; filters: Filters; onChange: (change: Partial<Filters>) => void }) {
  const pickers = useGqlQuery(SchoolPickersDocument, { schoolId }, { enabled: !!schoolId });
  const school = pickers.data?.school;
  return (
    <div className="kp-filters">
      <TextField
        label={t('admin.search')}
        placeholder={t('admin.searchPlaceholder')}
        value={filters.search}
        clearButtonVisible
        onValueChanged={(e) => e.detail.value !== filters.search && onChange({ search: e.detail.value })}
      />
      <FilterSelect label={t('admin.filter.role')} value={filters.role} options={ROLES.map((r) => ({ label: t(`role.${r}`), value: r }))} onChange={(role) => onChange({ role })} />
      <FilterSelect
        label={t('admin.filter.product')}
        value={filters.productId}
        options={(school?.products ?? []).map((p) => ({ label: p.name, value: p.id }))}
        onChange={(productId) => onChange({ productId })}
      />
      <FilterSelect
        label={t('admin.filter.supervisor')}
        value={filters.supervisorId}
        options={(school?.supervisors ?? []).map((s) => ({ label: s.displayName, value: s.id }))}
        onChange={(supervisorId) => onChange({ supervisorId })}
      />
      <FilterSelect
        label={t('admin.filter.gradeYear')}
        value={filters.gradeYear}
        options={GRADE_YEARS.map((g) => ({ label: t('admin.gradeYearOption', { gradeYear: g }), value: String(g) }))}
        onChange={(gradeYear) => onChange({ gradeYear })}
      />
    </div>
  );
}
