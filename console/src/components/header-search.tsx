/** The header's search box: any of order / case / tracking number, phone tail or name; Enter opens the results on the cases page. */
import { Input } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../i18n/i18n.tsx';

/** `width`: the desk header's box is narrower, so the supervisor's six menu items fit at 1400 px in CJK fonts. */
export function HeaderSearch({ onSearched, width }: { onSearched?: () => void; width?: number }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Input.Search
      role="searchbox"
      aria-label={t('search.label')}
      placeholder={t('search.placeholder')}
      allowClear
      enterKeyHint="search"
      style={width === undefined ? { maxWidth: 360 } : { width, flex: 'none' }}
      onSearch={(value) => {
        const q = value.trim();
        if (q === '') return;
        void navigate(`/cases?${new URLSearchParams({ q }).toString()}`);
        onSearched?.();
      }}
    />
  );
}
