import { formatDateTime } from './format.js';

describe('formatDateTime', () => {
  it('prints an instant in Vietnam time, whatever the server zone', () => {
    expect(formatDateTime(new Date('2025-07-10T02:00:00Z'))).toBe('10/07/2025 09:00');
    expect(formatDateTime('2025-07-10T20:30:00.000Z')).toBe('11/07/2025 03:30');
  });

  it('prints a wall-clock time already read in Vietnam time as it stands', () => {
    expect(formatDateTime('2025-07-10T23:45')).toBe('10/07/2025 23:45');
    expect(formatDateTime('2025-07-10 08:05:12')).toBe('10/07/2025 08:05');
  });

  it('prints nothing for what is not a time', () => {
    expect(formatDateTime('không rõ')).toBe('');
  });
});
