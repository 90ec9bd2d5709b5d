/**
 * The roster (排班) week grid (issue 23, supervisor): one row per person, one column per day,
 * each cell a pick of the person's roles' shifts that day (from the policy's calendars: the whole
 * shift or its early/late half), leave, or off. Copy last week, CSV import/export, save with
 * `PUT /rosters`; a shift outside its role's hours comes back as the API's 400, shown as is.
 */
import { Alert, App, Button, Select, Space, Spin, Table, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { errorText } from '../api/error-words.ts';
import { usePolicy } from '../api/queries.ts';
import { readRoster, usePeople, useRoster, useSaveRoster, type PeopleList } from '../api/team.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { labelOf, ROLE_LABELS } from '../i18n/labels.ts';
import { cellKey, cellsOf, CsvLineError, entriesOf, mondayOf, parseRosterCsv, rosterCsv, shiftChoices, weekDays, addDays, type CellValue } from '../roster/grid.ts';
import { weekdayName } from '../time/format.ts';

type Person = PeopleList['items'][number];

export default function RosterPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const people = usePeople();
  const today = people.data?.asOf.slice(0, 10);
  // The week of the platform's today (the API's clock) until another is picked.
  const [monday, setMonday] = useState<string>();
  const week = monday ?? mondayOf(today ?? new Date().toISOString().slice(0, 10));
  const days = weekDays(week);
  const last = days[6] ?? week;
  const roster = useRoster(week, last);
  const policy = usePolicy(Number(week.slice(0, 4)));
  const save = useSaveRoster(week, last);
  // Unsaved picks over the roster as read; a new read (another week, a save) starts afresh.
  const [draft, setDraft] = useState<{ base: unknown; cells: Map<string, CellValue> }>();
  const cells = draft !== undefined && draft.base === roster.data ? draft.cells : cellsOf(roster.data?.entries ?? []);
  const setCells = (next: Map<string, CellValue>) => setDraft({ base: roster.data, cells: next });
  const [problem, setProblem] = useState<string>();
  const file = useRef<HTMLInputElement>(null);

  const choices = useMemo(() => {
    // Per role and weekday: the shift choices of the role's calendar.
    const byRole = new Map<string, { from: string; to: string }[][]>();
    for (const role of policy.data?.roles ?? []) byRole.set(role.id, role.week.map((d) => d.shifts.flatMap(shiftChoices)));
    return byRole;
  }, [policy.data]);

  const options = (person: Person, day: string) => {
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    return [
      { value: '', label: t('roster.off') },
      { value: 'leave', label: t('roster.leave') },
      ...person.roles.flatMap((role) =>
        (choices.get(role)?.[weekday] ?? []).map((s) => ({ value: `${role}|${s.from}|${s.to}`, label: `${labelOf(ROLE_LABELS, role, lang)} ${s.from}–${s.to}` })),
      ),
    ];
  };

  const setCell = (person: string, day: string, value: CellValue) => setCells(new Map(cells).set(cellKey(person, day), value));

  const copyLastWeek = async () => {
    const before = await readRoster(addDays(week, -7), addDays(week, -1));
    setCells(cellsOf(before.entries, 7));
  };

  const exportCsv = () => {
    const url = URL.createObjectURL(new Blob([rosterCsv(entriesOf(cells))], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `roster-${week}-${last}.csv`;
    a.click();
    URL.revokeObjectURL(url);
  };

  const importCsv = async (picked: File | undefined) => {
    if (!picked) return;
    try {
      const entries = parseRosterCsv(await picked.text()).filter((e) => e.day >= week && e.day <= last);
      setCells(cellsOf(entries));
      setProblem(undefined);
    } catch (error) {
      setProblem(error instanceof CsvLineError ? t('roster.badCsv', { line: error.line, text: error.text }) : String(error));
    }
  };

  const submit = () =>
    save.mutate(entriesOf(cells), {
      onSuccess: () => {
        setProblem(undefined);
        void message.success(t('roster.saved'));
      },
      onError: (error) => setProblem(errorText(error, lang)),
    });

  if (people.isLoading) return <Spin />;
  const rows = (people.data?.items ?? []).filter((p) => p.active);
  const gaps = save.data?.gaps ?? roster.data?.gaps ?? [];
  return (
    <section aria-labelledby="roster-title">
      <Typography.Title level={3} id="roster-title">
        {t('roster.title')}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <Button onClick={() => setMonday(addDays(week, -7))}>{t('roster.prev')}</Button>
        <Typography.Text strong data-week={week}>
          {t('roster.week', { from: week, to: last })}
        </Typography.Text>
        <Button onClick={() => setMonday(addDays(week, 7))}>{t('roster.next')}</Button>
        <Button onClick={() => void copyLastWeek()}>{t('roster.copy')}</Button>
        <Button onClick={exportCsv}>{t('roster.export')}</Button>
        <Button onClick={() => file.current?.click()}>{t('roster.import')}</Button>
        <input ref={file} type="file" accept=".csv,text/csv" hidden data-testid="roster-csv" onChange={(e) => void importCsv(e.target.files?.[0])} />
        <Button type="primary" loading={save.isPending} onClick={submit}>
          {t('roster.save')}
        </Button>
      </Space>
      {problem && <Alert type="error" showIcon role="alert" title={problem} style={{ marginBottom: 12 }} />}
      {gaps.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('roster.gaps')}
          description={gaps.map((g) => `${g.day} ${labelOf(ROLE_LABELS, g.role, lang)} ${g.from.slice(11, 16)}–${g.to.slice(11, 16)}`).join(';')}
        />
      )}
      {rows.length === 0 ? (
        <Alert type="info" title={t('roster.noPeople')} />
      ) : (
        <Table<Person>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={rows}
          scroll={{ x: true }}
          columns={[
            { title: t('team.person'), key: 'person', fixed: 'left', render: (_, p) => `${p.name}${p.name !== p.id ? ` (${p.id})` : ''}` },
            ...days.map((day) => ({
              title: `${day.slice(5)} ${weekdayName(new Date(`${day}T00:00:00Z`).getUTCDay(), lang)}`,
              key: day,
              render: (_: unknown, p: Person) => (
                <Select
                  size="small"
                  style={{ minWidth: 150 }}
                  aria-label={t('roster.cell', { person: p.name, day })}
                  value={cells.get(cellKey(p.id, day)) ?? ''}
                  onChange={(value: string) => setCell(p.id, day, value)}
                  options={options(p, day)}
                />
              ),
            })),
          ]}
        />
      )}
    </section>
  );
}
