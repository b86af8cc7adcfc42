// A uuid in its canonical text form (any version), as PostgreSQL's uuid type prints it: checked before an id goes
// into a statement that takes no parameters (COPY) or to a lookup that would refuse it with a server error.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}
