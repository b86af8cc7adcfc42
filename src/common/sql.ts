// TypeORM's query() answers an UPDATE/DELETE … RETURNING with [rows, affectedCount] and a SELECT/INSERT with rows.
export function returningRows<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}
