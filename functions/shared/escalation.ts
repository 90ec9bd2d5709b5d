/** The role a breached step escalates to (service-standards.md §9: "a breach escalates to `supervisor`"). */
export const ESCALATION_ROLE = 'supervisor';
