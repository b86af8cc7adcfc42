import 'reflect-metadata';
import { getMetadataStorage } from 'class-validator';
import { AppModule } from '../app.module.js';
import { CreateDocumentDto } from '../documents/documents.dto.js';
import { TeamMeetingDto } from '../workflow/ballots/ballot.dto.js';
import { createValidationPipe } from './validation.pipe.js';
import { VALIDATION_MESSAGES } from './validation-messages.js';
import { ValidationFailedException } from './app.exception.js';
import { NESTED_PROBLEMS } from './validators.js';

// Constraint kinds that produce no message of their own, or whose problems become errors of their own with their
// own Vietnamese messages (NESTED_PROBLEMS, see toFieldErrors).
const SILENT = new Set(['isOptional', 'conditionalValidation', 'validateIf', NESTED_PROBLEMS]);

describe('Vietnamese validation messages', () => {
  it('has a message for every validator any DTO of the application uses', () => {
    expect(AppModule).toBeDefined(); // loads every controller, hence every DTO
    const storage = getMetadataStorage() as unknown as {
      validationMetadatas: Map<Function, { name?: string; type: string; message?: unknown }[]>;
    };
    const names = new Set<string>();
    for (const list of storage.validationMetadatas.values())
      for (const m of list) if (!m.message) names.add(m.name ?? m.type);
    const missing = [...names].filter((n) => !SILENT.has(n) && !VALIDATION_MESSAGES[n]);
    expect(names.size).toBeGreaterThan(15);
    expect(missing).toEqual([]);
  });

  it('words @Length, @IsUUID and @IsDateString failures in Vietnamese with the field path', async () => {
    const pipe = createValidationPipe();
    const body = {
      roundId: 'khong-phai-uuid',
      teamId: '7e29dfd7-8157-4183-8209-6013cbb8d568',
      meetingDate: '12/07/2025',
      membersPresent: 1,
      membersAbsent: 0,
      ballotsIssued: 1,
      ballotsReturned: 1,
      ballotsValid: 1,
      ballotsInvalid: 0,
      absentees: [{ name: '', reason: 'Ốm' }],
      candidates: [
        {
          dossierId: '7e29dfd7-8157-4183-8209-6013cbb8d568',
          version: 1,
          votesFor: 1,
          votesAgainst: 0,
          votesBlank: 0,
          officerOpinion: 'x'.repeat(2001),
        },
      ],
    };
    const error = await pipe
      .transform(body, { type: 'body', metatype: TeamMeetingDto })
      .catch((e: unknown) => e as ValidationFailedException);
    expect(error).toBeInstanceOf(ValidationFailedException);
    const messages = Object.fromEntries((error as ValidationFailedException).errors.map((e) => [e.path, e.message]));
    expect(messages).toEqual({
      roundId: 'Trường "roundId" phải là mã định danh dạng UUID (ví dụ 7e29dfd7-8157-4183-8209-6013cbb8d568).',
      meetingDate: 'Trường "meetingDate" phải là ngày hợp lệ theo dạng YYYY-MM-DD.',
      'absentees[0].name': 'Trường "absentees[0].name" phải có ít nhất 1 ký tự.',
      'candidates[0].officerOpinion': 'Trường "candidates[0].officerOpinion" không được dài quá 2000 ký tự.',
    });
    expect(JSON.stringify(messages)).not.toMatch(/must|should|longer|shorter/);
  });

  it('keeps the sentence a DTO words itself for the clerk, such as the form a document number takes', async () => {
    const error = await createValidationPipe()
      .transform(
        {
          kind: 'certificate',
          sourceType: 'certificate',
          sourceId: '7e29dfd7-8157-4183-8209-6013cbb8d568',
          number: '12/GCN/QK7',
          signer: { title: 'Giám thị', name: 'Nguyễn Văn An' },
        },
        { type: 'body', metatype: CreateDocumentDto },
      )
      .catch((e: unknown) => e as ValidationFailedException);
    expect(error).toBeInstanceOf(ValidationFailedException);
    expect((error as ValidationFailedException).errors).toEqual([
      { path: 'number', code: 'matches', message: 'Số, ký hiệu văn bản phải có dạng 05/DS-TGTX.' },
    ]);
  });
});
