/** What kind of person's account it is, from the value of `LDAP_KIND_ATTR` (e.g. employeeType). */
export type PersonKind = 'staff' | 'student';

/** A value mentioning "student" (any case) is a student account; any other value is staff. */
export function personKind(value: string | undefined): PersonKind | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  return /student/i.test(value) ? 'student' : 'staff';
}
