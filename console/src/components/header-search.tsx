/** The header's search box: any of order / case / tracking number, phone tail or name; Enter opens the results on the cases page. */
import { Input } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../i18n/i18n.tsx';

export function HeaderSearch({ onSearched }: { onSearched?: () => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Input.Search
      role="searchbox"
      aria-label={t('search.label')}
      placeholder={t('search.placeholder')}
      allowClear
      enterKeyHint="search"
      style={{ maxWidth: 360 }}
      onSearch={(value) => {
        const q = value.trim();
        if (q === '') return;
        void navigate(`/cases?${new URLSearchParams({ q }).toString()}`);
        onSearched?.();
      }}
    />
  );
}
