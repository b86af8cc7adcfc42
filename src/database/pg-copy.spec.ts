import { createDataSource } from './data-source.js';
import { CopyWriter, copyFrom } from './pg-copy.js';
import { RawJson } from './raw-json.js';

// COPY text written by the writer must come back from PostgreSQL exactly as it went in, whatever the characters and
// however the rows fall across the writer's pieces.
describe('CopyWriter with COPY FROM STDIN', () => {
  const dataSource = createDataSource(process.env.TEST_DATABASE_URL!, { poolSize: 1 });
  beforeAll(() => dataSource.initialize());
  afterAll(() => dataSource.destroy());

  it('round-trips text, nulls, booleans, numbers, arrays and JSON with every special character', async () => {
    const awkward = 'Nguyễn "Văn" \\ A\tB\nC\rD ỷ';
    const rows = Array.from({ length: 400 }, (_, i) => ({
      n: i,
      t: i % 7 === 0 ? null : `${awkward} ${i} ${'đ'.repeat(i * 3)}`,
      b: i % 2 === 0,
      a: [`a\\${i}`, 'b"c', 'd,e'],
      j: { reason: `Chưa đủ thông tin để xét "${i}"\\`, nested: [i, null, 'x\ny'] },
      r: new RawJson(`{"raw":"a\\\\b","i":${i}}`),
    }));
    const columns = ['n', 't', 'b', 'a', 'j', 'r'] as const;
    const writer = new CopyWriter('copy_roundtrip');
    writer.add(rows.slice(0, 150), columns);
    writer.add(rows.slice(150), columns);
    expect(writer.rows).toBe(400);
    await dataSource.transaction(async (manager) => {
      await manager.query(
        'CREATE TEMP TABLE copy_roundtrip (n int, t text, b boolean, a text[], j jsonb, r jsonb) ON COMMIT DROP',
      );
      const data = writer.bytes();
      await copyFrom(manager.queryRunner!, 'copy_roundtrip', columns, data);
      const back = await manager.query('SELECT n, t, b, a, j, r FROM copy_roundtrip ORDER BY n');
      expect(back).toHaveLength(400);
      for (const [i, row] of back.entries()) {
        expect(row).toEqual({
          n: i,
          t: rows[i].t,
          b: rows[i].b,
          a: rows[i].a,
          j: rows[i].j,
          r: JSON.parse(rows[i].r.json),
        });
      }
    });
  });

  // Data of several megabytes goes out in 1 MB CopyData messages, cut wherever they fall: inside a row, inside a
  // character of several bytes.
  it('round-trips data longer than several messages', async () => {
    const rows = Array.from({ length: 2500 }, (_, i) => ({ n: i, t: `${i} ${'Đặc xá ỷ\t'.repeat(100 + (i % 37))}` }));
    const writer = new CopyWriter('copy_long');
    writer.add(rows, ['n', 't']);
    const data = writer.bytes();
    expect(data.byteLength).toBeGreaterThan(3 * (1 << 20));
    await dataSource.transaction(async (manager) => {
      await manager.query('CREATE TEMP TABLE copy_long (n int, t text) ON COMMIT DROP');
      await copyFrom(manager.queryRunner!, 'copy_long', ['n', 't'], data);
      expect(await manager.query('SELECT n, t FROM copy_long ORDER BY n')).toEqual(rows);
    });
  });
});
