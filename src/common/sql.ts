// TypeORM's query() (postgres driver) answers an UPDATE/DELETE with [rows, rowCount] and a SELECT with rows.
export function affectedRows(result: unknown): number {
  if (Array.isArray(result) && result.length === 2 && typeof result[1] === 'number') return result[1];
  if (Array.isArray(result)) return result.length;
  return 0;
}

export function returnedRows<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number')
    return result[0] as T[];
  return (result ?? []) as T[];
}
