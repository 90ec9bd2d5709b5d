/** Request and response shapes of the people, roster and assignment routes (issue 23, docs/people.md); the console imports them. */
import { z } from 'zod';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'expected a time HH:MM');

export const person = z.object({
  id: z.string().describe('the sign-in name, as in assignedTo and completedBy'),
  name: z.string().describe('the display name (姓名), else the id'),
  roles: z.array(z.string()),
  active: z.boolean(),
  onDutyNow: z.array(z.string()).describe('the roles the person is on duty for now (roster, else the role calendar)'),
});
export const peopleList = z.object({ asOf: z.string(), items: z.array(person) });

export const rosterShift = z.strictObject({ day: date, person: z.string().min(1), role: z.string().min(1), from: time, to: time.describe('at or before `from`: the next day') });
export const rosterLeave = z.strictObject({ day: date, person: z.string().min(1), leave: z.literal(true) });
export const rosterEntry = z.union([rosterShift, rosterLeave]);

export const rosterQuery = z.object({ from: date, to: date });
export const rosterBody = z.strictObject({ entries: z.array(rosterEntry).max(2000, 'at most 2000 entries') });

export const rosterGap = z.object({ role: z.string(), day: date, from: z.string().describe('ISO-8601 in the policy zone'), to: z.string() });
export const roster = z.object({
  from: date,
  to: date,
  entries: z.array(rosterEntry),
  gaps: z.array(rosterGap).describe('parts of a rostered role\'s hours with nobody rostered ("a shift has nobody rostered")'),
});

export const assignBody = z.strictObject({ to: z.string().min(1).describe('a person of the step\'s role') });

export const personLoad = z.object({
  id: z.string(),
  name: z.string(),
  onDutyNow: z.array(z.string()),
  open: z.number().int(),
  warned: z.number().int(),
  breached: z.number().int(),
});
/** `GET /board`'s people part (issue 23): per person open/warned/breached held now, who is on duty. */
export const boardPeople = z.object({ people: z.array(personLoad), pool: z.object({ open: z.number().int(), warned: z.number().int(), breached: z.number().int() }) });
