import ExcelJS from 'exceljs';
import { checkZip } from './zip-guard.js';

const LIMITS = { maxUnpackedBytes: 10 * 1024 * 1024, maxEntries: 50 };

// A ZIP whose directory claims one entry of `size` bytes once unpacked, with nothing behind it.
function claimedZip(size: number): Buffer {
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  const entry = Buffer.alloc(46);
  entry.writeUInt32LE(0x02014b50, 0);
  entry.writeUInt32LE(size, 24);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(entry.length, 12);
  end.writeUInt32LE(local.length, 16);
  return Buffer.concat([local, entry, end]);
}

describe('zip guard', () => {
  it('lets a real workbook through', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Hồ sơ').addRow(['STT', 'Họ và tên']);
    expect(checkZip(Buffer.from(await book.xlsx.writeBuffer()), LIMITS)).toEqual({ ok: true });
  });

  it('refuses what is not a ZIP and what would unpack to far more than a workbook', () => {
    expect(checkZip(Buffer.from('STT,Họ và tên\n1,Nguyễn Văn An\n'), LIMITS)).toEqual({ ok: false, reason: 'notZip' });
    expect(checkZip(claimedZip(1000), LIMITS)).toEqual({ ok: true });
    expect(checkZip(claimedZip(20 * 1024 * 1024), LIMITS)).toEqual({ ok: false, reason: 'tooLarge' });
    expect(checkZip(claimedZip(0xffffffff), LIMITS)).toEqual({ ok: false, reason: 'tooLarge' });
    expect(checkZip(claimedZip(1000).subarray(0, 60), LIMITS)).toEqual({ ok: false, reason: 'notZip' });
  });
});
