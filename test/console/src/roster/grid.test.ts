import { describe, expect, it } from 'vitest';
import { cellsOf, CsvLineError, entriesOf, mondayOf, parseRosterCsv, rosterCsv, shiftChoices, weekDays } from '../../../../console/src/roster/grid.ts';

describe('the roster grid', () => {
  it('starts a week on Monday', () => {
    expect(mondayOf('2026-12-08')).toBe('2026-12-07');
    expect(mondayOf('2026-12-13')).toBe('2026-12-07');
    expect(weekDays('2026-12-28')).toEqual(['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03']);
  });

  it('offers a long calendar shift whole and as an early and a late half (the 7×12h day as 早班 / 晚班)', () => {
    expect(shiftChoices({ from: '08:00', to: '20:00' })).toEqual([
      { from: '08:00', to: '20:00' },
      { from: '08:00', to: '14:00' },
      { from: '14:00', to: '20:00' },
    ]);
    expect(shiftChoices({ from: '09:00', to: '17:00' })).toHaveLength(3);
    expect(shiftChoices({ from: '09:00', to: '12:00' })).toEqual([{ from: '09:00', to: '12:00' }]);
  });

  it('writes CSV Excel opens (BOM, CRLF) and reads it back to the same entries; copying shifts days by a week', () => {
    const entries = [
      { day: '2026-12-08', person: 'li.na', role: 'ops-cs', from: '08:00', to: '14:00' },
      { day: '2026-12-08', person: 'zhang.min', leave: true as const },
    ];
    const csv = rosterCsv(entries);
    expect(csv).toBe('\uFEFFday,person,role,from,to\r\n2026-12-08,li.na,ops-cs,08:00,14:00\r\n2026-12-08,zhang.min,leave,,\r\n');
    expect(parseRosterCsv(csv)).toEqual(entries);
    expect(entriesOf(cellsOf(entries, 7)).map((e) => e.day)).toEqual(['2026-12-15', '2026-12-15']);
  });

  it('names the CSV line it cannot read', () => {
    expect(() => parseRosterCsv('day,person,role,from,to\n2026-12-08,li.na,ops-cs,8am,2pm\n')).toThrow(CsvLineError);
    try {
      parseRosterCsv('day,person,role,from,to\n2026-12-08,li.na,ops-cs,8am,2pm\n');
    } catch (error) {
      expect((error as CsvLineError).line).toBe(2);
    }
  });
});
