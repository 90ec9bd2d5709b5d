/**
 * The alarm channels and routes (issue 25; docs/alarms.md): each channel's platform (recognised from
 * the URL when left out), URL, language and secret — by reference only (`{"env"}` or
 * `{"secretsManager"}`), there is no field for a secret's value — and each route's events, roles,
 * steps and channels. The API's errors appear under the field they name.
 */
import { Button, Card, Checkbox, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { ALARM_DETAIL_TYPES } from '../../../../core/alarms/alarm.ts';
import { CHANNEL_KINDS } from '../../../../core/alarms/channel-kind.ts';
import { AlarmLanguage } from '../../../../core/alarms/labels.ts';
import type { PolicyInput } from '../../../../policy/schema.ts';
import type { ApiFieldIssue } from '../../api/error-words.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { labelOf, ROLE_LABELS, stepName } from '../../i18n/labels.ts';
import { ALARM_EVENT_LABELS } from '../../i18n/messages-policy-forms.ts';
import { FieldErrors, keyPath } from './field-errors.tsx';

type Alarms = NonNullable<PolicyInput['alarms']>;
type Channel = NonNullable<Alarms['channels']>[string];
type Route = NonNullable<Alarms['routes']>[number];
type SecretKind = 'none' | 'env' | 'secretsManager';

const secretKind = (c: Channel): SecretKind => (c.secret === undefined ? 'none' : 'env' in c.secret ? 'env' : 'secretsManager');
const secretRef = (c: Channel): string => (c.secret === undefined ? '' : 'env' in c.secret ? c.secret.env : c.secret.secretsManager);

export function AlarmsForm({ alarms, roles, steps, issues, onChange }: { alarms: Alarms | undefined; roles: string[]; steps: string[]; issues: readonly ApiFieldIssue[]; onChange: (alarms: Alarms) => void }) {
  const { t, lang } = useI18n();
  const section: Alarms = alarms ?? {};
  const channels = section.channels ?? {};
  const routes = section.routes ?? [];
  const setChannels = (next: Record<string, Channel>, nextRoutes: Route[] = routes) => onChange({ ...section, channels: next, routes: nextRoutes });
  const setChannel = (name: string, patch: Partial<Channel>) => setChannels({ ...channels, [name]: { ...channels[name]!, ...patch } });
  const setRoutes = (next: Route[]) => onChange({ ...section, channels, routes: next });
  const setRoute = (i: number, patch: Partial<Route>) => setRoutes(routes.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  /** A renamed channel keeps its place, and the routes naming it follow. */
  const rename = (from: string, to: string) => {
    if (to === from || to === '' || Object.hasOwn(channels, to)) return;
    setChannels(
      Object.fromEntries(Object.entries(channels).map(([k, v]) => [k === from ? to : k, v])),
      routes.map((r) => ({ ...r, channels: r.channels.map((c) => (c === from ? to : c)) })),
    );
  };
  const addChannel = () => {
    let n = Object.keys(channels).length + 1;
    while (Object.hasOwn(channels, `channel-${n}`)) n += 1;
    setChannels({ ...channels, [`channel-${n}`]: { url: 'https://', secret: { env: 'ALARM_SECRET' } } });
  };
  const patternOptions = (all: string, ids: string[], label: (id: string) => string) => ['*', ...ids].map((id) => ({ value: id, label: id === '*' ? all : `${label(id)} ${id}` }));
  return (
    <Card title={t('pf.alarms')}>
      <Typography.Title level={5}>{t('pf.channels')}</Typography.Title>
      {Object.entries(channels).map(([name, channel]) => {
        const path = `alarms.channels${keyPath(name)}`;
        const kind = secretKind(channel);
        return (
          <div key={name} style={{ marginBottom: 12 }} data-channel={name}>
            <Space wrap align="start">
              <ChannelName name={name} label={t('pf.channelNameOf', { name })} onRename={(to) => rename(name, to)} />
              <Select
                aria-label={t('pf.kindOf', { name })}
                style={{ width: 150 }}
                value={channel.kind ?? ''}
                onChange={(k: string) => {
                  const { kind: _kind, ...rest } = channel;
                  setChannels({ ...channels, [name]: k === '' ? rest : { ...rest, kind: k as NonNullable<Channel['kind']> } });
                }}
                options={[{ value: '', label: t('pf.kindAuto') }, ...CHANNEL_KINDS.map((k) => ({ value: k, label: k }))]}
              />
              <Input aria-label={t('pf.urlOf', { name })} addonBefore={t('pf.url')} value={channel.url} onChange={(e) => setChannel(name, { url: e.target.value })} style={{ width: 380 }} />
              <Select
                aria-label={t('pf.languageOf', { name })}
                style={{ width: 100 }}
                value={channel.language ?? AlarmLanguage.zh}
                onChange={(language: Channel['language']) => setChannel(name, { language })}
                options={Object.values(AlarmLanguage).map((l) => ({ value: l, label: l }))}
              />
              <Button danger size="small" aria-label={t('pf.removeChannel', { name })} onClick={() => setChannels(Object.fromEntries(Object.entries(channels).filter(([k]) => k !== name)))}>
                ×
              </Button>
            </Space>
            <Space wrap style={{ marginTop: 4 }}>
              <span>{t('pf.secret')}</span>
              <Select
                aria-label={t('pf.secretKindOf', { name })}
                style={{ width: 170 }}
                value={kind}
                onChange={(k: SecretKind) => {
                  const { secret: _secret, ...rest } = channel;
                  const ref = secretRef(channel);
                  setChannels({ ...channels, [name]: k === 'none' ? rest : { ...rest, secret: k === 'env' ? { env: ref } : { secretsManager: ref } } });
                }}
                options={[
                  { value: 'none', label: t('pf.secretNone') },
                  { value: 'env', label: t('pf.secretEnv') },
                  { value: 'secretsManager', label: t('pf.secretsManager') },
                ]}
              />
              {kind !== 'none' && (
                <Input
                  aria-label={t('pf.secretRefOf', { name })}
                  placeholder={t('pf.secretHint')}
                  value={secretRef(channel)}
                  onChange={(e) => setChannel(name, { secret: kind === 'env' ? { env: e.target.value } : { secretsManager: e.target.value } })}
                  style={{ width: 320 }}
                />
              )}
            </Space>
            <FieldErrors issues={issues} path={path} />
          </div>
        );
      })}
      <Button onClick={addChannel}>{t('pf.addChannel')}</Button>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('pf.routes')}
      </Typography.Title>
      {routes.map((route, i) => {
        const n = i + 1;
        return (
          <div key={i} style={{ marginBottom: 12 }}>
            <Space wrap align="start">
              <span>{t('pf.route', { n })}</span>
              <span>{t('pf.events')}</span>
              <Select mode="tags" aria-label={t('pf.eventsOf', { n })} style={{ minWidth: 220 }} value={route.events ?? ['*']} onChange={(events: string[]) => setRoute(i, { events })} options={['*', ...ALARM_DETAIL_TYPES].map((e) => ({ value: e, label: labelOf(ALARM_EVENT_LABELS, e, lang) }))} />
              <span>{t('pf.roles')}</span>
              <Select mode="tags" aria-label={t('pf.rolesOf', { n })} style={{ minWidth: 180 }} value={route.roles ?? ['*']} onChange={(r: string[]) => setRoute(i, { roles: r })} options={patternOptions(t('pf.allRoles'), [...roles, 'automatic'], (id) => labelOf(ROLE_LABELS, id, lang))} />
              <span>{t('pf.step')}</span>
              <Select mode="tags" aria-label={t('pf.stepsOf', { n })} style={{ minWidth: 200 }} value={route.steps ?? ['*']} onChange={(s: string[]) => setRoute(i, { steps: s })} options={patternOptions(t('pf.allSteps'), steps, (id) => stepName(id, lang))} />
              <span>{t('pf.channels')}</span>
              <Select mode="multiple" aria-label={t('pf.channelsOf', { n })} style={{ minWidth: 160 }} value={route.channels} onChange={(c: string[]) => setRoute(i, { channels: c })} options={Object.keys(channels).map((c) => ({ value: c, label: c }))} />
              <Checkbox checked={route.warnings ?? false} onChange={(e) => setRoute(i, { warnings: e.target.checked })}>
                {t('pf.warnings')}
              </Checkbox>
              <Checkbox checked={route.onDutyOnly ?? false} onChange={(e) => setRoute(i, { onDutyOnly: e.target.checked })}>
                {t('pf.onDutyOnly')}
              </Checkbox>
              <Button danger size="small" aria-label={t('pf.removeRoute', { n })} onClick={() => setRoutes(routes.filter((_, k) => k !== i))}>
                ×
              </Button>
            </Space>
            <FieldErrors issues={issues} path={`alarms.routes[${i}]`} />
          </div>
        );
      })}
      <Button onClick={() => setRoutes([...routes, { events: ['SlaBreached'], roles: ['*'], steps: ['*'], channels: Object.keys(channels).slice(0, 1) }])}>{t('pf.addRoute')}</Button>
      <FieldErrors issues={issues.filter((i) => !/^body\.document\.alarms\.(channels|routes)[.[]/.test(i.path))} path="alarms" />
    </Card>
  );
}

/** A channel's name, committed on blur so that typing does not rename it letter by letter. */
function ChannelName({ name, label, onRename }: { name: string; label: string; onRename: (to: string) => void }) {
  const [text, setText] = useState(name);
  return <Input aria-label={label} value={text} onChange={(e) => setText(e.target.value)} onBlur={() => (text === name ? undefined : onRename(text.trim()))} style={{ width: 140 }} />;
}
