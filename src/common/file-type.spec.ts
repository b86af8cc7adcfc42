import { FileTypeValidator } from '@nestjs/common';
import { PDFDocument } from 'pdf-lib';

// @nestjs/common detects uploads by their magic numbers with file-type, pinned by an npm override to the 21.x line
// (22.x requires Node 22). A real PDF must be recognised from its bytes, and bytes that only claim to be a PDF refused.
describe('upload type detection with the pinned file-type', () => {
  const validator = new FileTypeValidator({ fileType: 'application/pdf' });

  it('recognises a PDF from its content', async () => {
    const pdf = await PDFDocument.create();
    pdf.addPage();
    const buffer = Buffer.from(await pdf.save());
    expect(await validator.isValid({ mimetype: 'application/octet-stream', buffer } as never)).toBe(true);
  });

  it('refuses a PNG sent as a PDF', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
    expect(await validator.isValid({ mimetype: 'application/pdf', buffer: png } as never)).toBe(false);
  });
});
