import { DocumentException, DocumentExceptionCode } from '../documents/documents.exception.js';
import { WorkflowException, WorkflowExceptionCode } from '../workflow/common/workflow.exception.js';

describe('exception statuses', () => {
  it('gives every workflow code its status', () => {
    const statuses = Object.values(WorkflowExceptionCode).map((code) => new WorkflowException('x', code).status);
    expect(statuses.every((s) => s >= 400 && s < 500)).toBe(true);
    expect(new WorkflowException('x', WorkflowExceptionCode.STALE_LIST).status).toBe(409);
    expect(new WorkflowException('x', WorkflowExceptionCode.SAME_PERSON).status).toBe(403);
    expect(new WorkflowException('x', WorkflowExceptionCode.GUARD_FAILED).status).toBe(422);
  });

  it('gives every document code its status', () => {
    for (const code of Object.values(DocumentExceptionCode))
      expect(new DocumentException('x', code).status).toBeGreaterThanOrEqual(400);
    expect(new DocumentException('x', DocumentExceptionCode.JOB_NOT_FOUND).status).toBe(404);
    expect(new DocumentException('x', DocumentExceptionCode.RENDER_TIMEOUT).status).toBe(500);
  });
});
